A function's body changes: CREATE OR REPLACE, its dependents untouched.
-- from
CREATE FUNCTION public.tax(amount numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT amount * 0.2 $$;
CREATE TABLE public.price (net numeric, gross numeric GENERATED ALWAYS AS (net + net * 0.2) STORED);
CREATE VIEW public.taxed AS SELECT net, public.tax(net) AS tax FROM public.price;
-- to
CREATE FUNCTION public.tax(amount numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT round(amount * 0.21, 2) $$;
CREATE TABLE public.price (net numeric, gross numeric GENERATED ALWAYS AS (net + net * 0.2) STORED);
CREATE VIEW public.taxed AS SELECT net, public.tax(net) AS tax FROM public.price;
