A column a view reads is dropped: the view is dropped first and created again without it.
-- from
CREATE TABLE public.staff (id integer, name text, salary numeric);
CREATE VIEW public.staff_list AS SELECT id, name, salary FROM public.staff;
-- to
CREATE TABLE public.staff (id integer, name text);
CREATE VIEW public.staff_list AS SELECT id, name FROM public.staff;
