Serial columns: a new one (sequence, default, OWNED BY) and a sequence whose owner column moves.
-- from
CREATE TABLE public.a (id integer);
CREATE TABLE public.b (id integer);
CREATE SEQUENCE public.shared_seq OWNED BY public.a.id;
-- to
CREATE TABLE public.a (id integer);
CREATE TABLE public.b (id integer);
CREATE SEQUENCE public.shared_seq OWNED BY public.b.id;
CREATE TABLE public.c (id serial PRIMARY KEY, note text);
