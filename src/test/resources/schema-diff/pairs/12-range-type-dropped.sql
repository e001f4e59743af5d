A range type no longer used goes away with the column that used it.
-- from
CREATE TYPE public.intspan AS RANGE (SUBTYPE = integer);
CREATE TABLE public.booking (id integer, nights public.intspan);
-- to
CREATE TABLE public.booking (id integer);
