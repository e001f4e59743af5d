A view is dropped, another one created with options (security_barrier, check option).
-- from
CREATE TABLE public.doc (id integer, public boolean);
CREATE VIEW public.all_docs AS SELECT id FROM public.doc;
-- to
CREATE TABLE public.doc (id integer, public boolean);
CREATE VIEW public.public_docs WITH (security_barrier = true) AS SELECT id, public FROM public.doc WHERE public WITH LOCAL CHECK OPTION;
