Two tables go away, one pointing at the other: the foreign key first, then both tables (data loss).
-- from
CREATE TABLE public.author (id integer PRIMARY KEY);
CREATE TABLE public.book (id integer PRIMARY KEY, author_id integer REFERENCES public.author (id));
CREATE TABLE public.shelf (id integer);
-- to
CREATE TABLE public.shelf (id integer);
