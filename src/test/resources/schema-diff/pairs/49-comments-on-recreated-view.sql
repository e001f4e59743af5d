A view with a comment is recreated: its comment is set again.
-- from
CREATE TABLE public.t (a integer, b integer);
CREATE VIEW public.v AS SELECT a FROM public.t;
COMMENT ON VIEW public.v IS 'kept';
COMMENT ON COLUMN public.v.a IS 'column kept';
-- to
CREATE TABLE public.t (a integer, b integer);
CREATE VIEW public.v AS SELECT a, b FROM public.t;
COMMENT ON VIEW public.v IS 'kept';
COMMENT ON COLUMN public.v.a IS 'column kept';
