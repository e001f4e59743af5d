Values are added to an enum a column uses (ALTER TYPE ... ADD VALUE, in their place), and a default uses one of them.
-- from
CREATE TYPE public.mood AS ENUM ('sad', 'happy');
CREATE TABLE public.person (id integer, mood public.mood);
INSERT INTO public.person VALUES (1, 'sad');
-- to
CREATE TYPE public.mood AS ENUM ('angry', 'sad', 'ok', 'happy', 'ecstatic');
CREATE TABLE public.person (id integer, mood public.mood DEFAULT 'ok');
