An extension is updated to a newer version: ALTER EXTENSION ... UPDATE TO, objects it owns left to it.
-- from
CREATE EXTENSION hstore WITH SCHEMA public VERSION '1.6';
CREATE TABLE public.setting (id integer, attributes public.hstore);
-- to
CREATE EXTENSION hstore WITH SCHEMA public VERSION '1.7';
CREATE TABLE public.setting (id integer, attributes public.hstore);
