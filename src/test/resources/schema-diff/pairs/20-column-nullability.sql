NOT NULL set on one column and dropped on another.
-- from
CREATE TABLE public.profile (id integer, handle text, bio text NOT NULL);
INSERT INTO public.profile VALUES (1, 'me', '');
-- to
CREATE TABLE public.profile (id integer, handle text NOT NULL, bio text);
