A view changes under a materialized view and its index: all recreated, in order.
-- from
CREATE TABLE public.s (a integer, b integer);
CREATE VIEW public.v AS SELECT a FROM public.s;
CREATE MATERIALIZED VIEW public.m AS SELECT a FROM public.v;
CREATE INDEX m_a ON public.m (a);
-- to
CREATE TABLE public.s (a integer, b integer);
CREATE VIEW public.v AS SELECT a FROM public.s WHERE b > 0;
CREATE MATERIALIZED VIEW public.m AS SELECT a FROM public.v;
CREATE INDEX m_a ON public.m (a);
