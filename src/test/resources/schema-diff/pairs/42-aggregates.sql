An aggregate is created over a new state function, another one's definition changes.
-- from
CREATE FUNCTION public.concat_step(text, text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT coalesce($1 || ',', '') || $2 $$;
CREATE AGGREGATE public.joined(text) (SFUNC = public.concat_step, STYPE = text);
-- to
CREATE FUNCTION public.concat_step(text, text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT coalesce($1 || ',', '') || $2 $$;
CREATE AGGREGATE public.joined(text) (SFUNC = public.concat_step, STYPE = text, INITCOND = '');
CREATE FUNCTION public.product_step(numeric, numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT $1 * $2 $$;
CREATE AGGREGATE public.product(numeric) (SFUNC = public.product_step, STYPE = numeric, INITCOND = '1');
