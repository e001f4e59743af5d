A new column's default and a new CHECK call new functions: the functions come first.
-- from
CREATE TABLE public.code (id integer);
-- to
CREATE FUNCTION public.new_code() RETURNS text LANGUAGE sql AS $$ SELECT md5(random()::text) $$;
CREATE FUNCTION public.valid_code(text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT length($1) = 32 $$;
CREATE TABLE public.code (id integer, value text DEFAULT public.new_code() CONSTRAINT code_valid CHECK (public.valid_code(value)));
