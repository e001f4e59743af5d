A table starts inheriting from another, and a child stops inheriting.
-- from
CREATE TABLE public.vehicle (id integer, wheels integer);
CREATE TABLE public.bike (id integer, wheels integer);
CREATE TABLE public.truck (load integer) INHERITS (public.vehicle);
-- to
CREATE TABLE public.vehicle (id integer, wheels integer);
CREATE TABLE public.bike (id integer, wheels integer) INHERITS (public.vehicle);
CREATE TABLE public.truck (id integer, wheels integer, load integer);
