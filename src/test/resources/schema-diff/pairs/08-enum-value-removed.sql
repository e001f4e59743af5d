A value is removed from an enum: PostgreSQL cannot, so the type is dropped and created again, with the function using it.
-- from
CREATE TYPE public.size AS ENUM ('s', 'm', 'l', 'xl');
CREATE FUNCTION public.is_big(public.size) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT $1 >= 'l' $$;
-- to
CREATE TYPE public.size AS ENUM ('s', 'm', 'l');
CREATE FUNCTION public.is_big(public.size) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT $1 >= 'l' $$;
