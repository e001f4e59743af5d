A column's type changes under a default and a view: default dropped and set again, view recreated.
-- from
CREATE TABLE public.counter (id integer, hits integer DEFAULT 0, label character varying(20));
CREATE VIEW public.busy AS SELECT id, hits FROM public.counter WHERE hits > 100;
INSERT INTO public.counter VALUES (1, 5, 'a');
-- to
CREATE TABLE public.counter (id integer, hits bigint DEFAULT 0, label text);
CREATE VIEW public.busy AS SELECT id, hits FROM public.counter WHERE hits > 100;
