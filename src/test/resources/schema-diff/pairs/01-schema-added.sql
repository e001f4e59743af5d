A schema is created, with a table in it.
-- from
CREATE TABLE public.note (id integer);
-- to
CREATE TABLE public.note (id integer);
CREATE SCHEMA billing;
CREATE TABLE billing.invoice (id integer PRIMARY KEY, total numeric(12,2) NOT NULL);
