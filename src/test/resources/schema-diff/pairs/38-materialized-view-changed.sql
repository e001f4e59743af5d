A materialized view's query changes: recreated with its index; another one is created WITH NO DATA.
-- from
CREATE TABLE public.visit (page text, at date);
CREATE MATERIALIZED VIEW public.page_visits AS SELECT page, count(*) AS visits FROM public.visit GROUP BY page;
CREATE UNIQUE INDEX page_visits_page ON public.page_visits (page);
-- to
CREATE TABLE public.visit (page text, at date);
CREATE MATERIALIZED VIEW public.page_visits AS SELECT page, count(*) AS visits, max(at) AS last_visit FROM public.visit GROUP BY page;
CREATE UNIQUE INDEX page_visits_page ON public.page_visits (page);
CREATE MATERIALIZED VIEW public.daily AS SELECT at, count(*) AS visits FROM public.visit GROUP BY at WITH NO DATA;
