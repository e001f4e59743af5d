A view's query changes: it is recreated, and so is the view built on it.
-- from
CREATE TABLE public.sale (id integer, amount numeric, region text);
CREATE VIEW public.big_sale AS SELECT id, amount FROM public.sale WHERE amount > 100;
CREATE VIEW public.big_sale_count AS SELECT count(*) AS n FROM public.big_sale;
-- to
CREATE TABLE public.sale (id integer, amount numeric, region text);
CREATE VIEW public.big_sale AS SELECT id, amount, region FROM public.sale WHERE amount > 500;
CREATE VIEW public.big_sale_count AS SELECT count(*) AS n FROM public.big_sale;
