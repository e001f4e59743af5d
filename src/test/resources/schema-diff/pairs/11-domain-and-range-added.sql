A new domain over text with a collation, and a range type with a subtype difference function.
-- from
CREATE TABLE public.slot (id integer);
-- to
CREATE DOMAIN public.code AS text COLLATE "C" CHECK (VALUE ~ '^[A-Z]+$');
CREATE TYPE public.floatrange AS RANGE (SUBTYPE = float8, SUBTYPE_DIFF = float8mi);
CREATE TABLE public.slot (id integer, label public.code, span public.floatrange);
