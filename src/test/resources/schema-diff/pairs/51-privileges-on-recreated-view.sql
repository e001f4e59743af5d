A view with grants is recreated: the grants are given again.
-- from
CREATE TABLE public.t (a integer, b integer);
CREATE VIEW public.v AS SELECT a FROM public.t;
GRANT SELECT ON public.v TO diff_reader;
-- to
CREATE TABLE public.t (a integer, b integer);
CREATE VIEW public.v AS SELECT a, b FROM public.t;
GRANT SELECT ON public.v TO diff_reader;
