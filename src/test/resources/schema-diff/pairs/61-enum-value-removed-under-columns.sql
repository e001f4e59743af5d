A value is removed from an enum that table columns (one an array, one with a default, one under a view) use: the old type is renamed aside, the new one created, the columns converted through text, the old type dropped.
-- from
CREATE TYPE public.size AS ENUM ('s', 'm', 'l', 'xl');
CREATE TABLE public.shirt (id integer, size public.size DEFAULT 'm', sizes_in_stock public.size[]);
CREATE VIEW public.large_shirts AS SELECT id FROM public.shirt WHERE size = 'l';
INSERT INTO public.shirt VALUES (1, 's', '{s,m}');
-- to
CREATE TYPE public.size AS ENUM ('s', 'm', 'l');
CREATE TABLE public.shirt (id integer, size public.size DEFAULT 'm', sizes_in_stock public.size[]);
CREATE VIEW public.large_shirts AS SELECT id FROM public.shirt WHERE size = 'l';
