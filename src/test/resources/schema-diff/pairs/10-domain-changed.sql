A domain a column uses gets a default, NOT NULL and a changed CHECK, in place (the CHECK added NOT VALID, then validated).
-- from
CREATE DOMAIN public.percent AS integer CONSTRAINT percent_range CHECK (VALUE BETWEEN 0 AND 100);
CREATE TABLE public.discount (id integer, value public.percent);
INSERT INTO public.discount VALUES (1, 10);
-- to
CREATE DOMAIN public.percent AS integer DEFAULT 0 NOT NULL CONSTRAINT percent_range CHECK (VALUE >= 0 AND VALUE <= 90)
    CONSTRAINT percent_round CHECK (VALUE % 5 = 0);
CREATE TABLE public.discount (id integer, value public.percent);
