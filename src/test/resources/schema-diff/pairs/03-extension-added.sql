An extension is installed, and a column uses its type.
-- from
CREATE TABLE public.account (id integer PRIMARY KEY, email text);
-- to
CREATE EXTENSION citext WITH SCHEMA public;
CREATE TABLE public.account (id integer PRIMARY KEY, email public.citext);
