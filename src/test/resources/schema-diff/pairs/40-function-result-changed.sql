A function's result type changes: dropped and created again, with the view that calls it.
-- from
CREATE FUNCTION public.score(integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT $1 * 2 $$;
CREATE VIEW public.scores AS SELECT public.score(g) AS s FROM generate_series(1, 3) g;
-- to
CREATE FUNCTION public.score(integer) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT $1 * 2.5 $$;
CREATE VIEW public.scores AS SELECT public.score(g) AS s FROM generate_series(1, 3) g;
