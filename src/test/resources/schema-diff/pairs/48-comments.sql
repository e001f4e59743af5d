Comments set, changed and removed on a schema, table, column, view, function, type, constraint, index, trigger and policy.
-- from
CREATE TABLE public.shop (id integer CONSTRAINT shop_id_positive CHECK (id > 0), name text);
CREATE INDEX shop_name ON public.shop (name);
COMMENT ON TABLE public.shop IS 'A shop';
COMMENT ON COLUMN public.shop.name IS 'old';
COMMENT ON SCHEMA public IS 'standard public schema';
CREATE FUNCTION public.f() RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$;
COMMENT ON FUNCTION public.f() IS 'one';
-- to
CREATE TABLE public.shop (id integer CONSTRAINT shop_id_positive CHECK (id > 0), name text);
CREATE INDEX shop_name ON public.shop (name);
COMMENT ON TABLE public.shop IS 'A shop, with ''quotes''';
COMMENT ON COLUMN public.shop.id IS 'identifier';
COMMENT ON CONSTRAINT shop_id_positive ON public.shop IS 'ids start at 1';
COMMENT ON INDEX public.shop_name IS 'for search';
CREATE FUNCTION public.f() RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$;
CREATE TYPE public.color AS ENUM ('red');
COMMENT ON TYPE public.color IS 'colors';
CREATE VIEW public.shop_names AS SELECT name FROM public.shop;
COMMENT ON VIEW public.shop_names IS 'names only';
COMMENT ON COLUMN public.shop_names.name IS 'the name';
CREATE FUNCTION public.t() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER shop_t BEFORE INSERT ON public.shop FOR EACH ROW EXECUTE FUNCTION public.t();
COMMENT ON TRIGGER shop_t ON public.shop IS 'does nothing';
CREATE SCHEMA extra;
COMMENT ON SCHEMA extra IS 'more';
