A column moves from an enum to text and the enum is dropped: the column changes first, the type goes last.
-- from
CREATE TYPE public.status AS ENUM ('new', 'done');
CREATE TABLE public.job (id integer, status public.status DEFAULT 'new');
INSERT INTO public.job VALUES (1, 'done');
-- to
CREATE TABLE public.job (id integer, status text DEFAULT 'new');
