A composite type gains an attribute: recreated, with the function that returns it.
-- from
CREATE TYPE public.address AS (street text, city text);
CREATE FUNCTION public.home() RETURNS public.address LANGUAGE sql AS $$ SELECT ROW('Main St', 'Springfield')::public.address $$;
-- to
CREATE TYPE public.address AS (street text, city text, zip character varying(10));
CREATE FUNCTION public.home() RETURNS public.address LANGUAGE sql AS $$ SELECT ROW('Main St', 'Springfield', '12345')::public.address $$;
