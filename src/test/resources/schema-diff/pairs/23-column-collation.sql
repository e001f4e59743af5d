A column's collation changes.
-- from
CREATE TABLE public.word (id integer, spelling text);
-- to
CREATE TABLE public.word (id integer, spelling text COLLATE "C");
