An extension no longer used is dropped, after the index that used its operator class.
-- from
CREATE EXTENSION pg_trgm WITH SCHEMA public;
CREATE TABLE public.film (id integer, title text);
CREATE INDEX film_title_trgm ON public.film USING gin (title public.gin_trgm_ops);
-- to
CREATE TABLE public.film (id integer, title text);
