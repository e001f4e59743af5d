A new table, and a foreign key from an existing table to it: the table and its key first, then the foreign key.
-- from
CREATE TABLE public.post (id integer PRIMARY KEY, category_id integer);
-- to
CREATE TABLE public.category (id integer PRIMARY KEY, name text);
CREATE TABLE public.post (id integer PRIMARY KEY, category_id integer REFERENCES public.category (id));
