A function's parameter is renamed and another loses its default: CREATE OR REPLACE refuses both, so the function is dropped and created again, with the view that calls it.
-- from
CREATE FUNCTION public.discounted(price numeric, rate numeric DEFAULT 0.1) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT price * (1 - rate) $$;
CREATE VIEW public.example AS SELECT public.discounted(100, 0.2) AS value;
-- to
CREATE FUNCTION public.discounted(amount numeric, rate numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT amount * (1 - rate) $$;
CREATE VIEW public.example AS SELECT public.discounted(100, 0.2) AS value;
