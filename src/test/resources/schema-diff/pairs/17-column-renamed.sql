A renamed column is not guessed: the old one is dropped (data loss) and the new one added.
-- from
CREATE TABLE public.city (id integer, nam text);
-- to
CREATE TABLE public.city (id integer, name text);
