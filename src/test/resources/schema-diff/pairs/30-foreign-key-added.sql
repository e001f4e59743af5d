A foreign key is added to a table that holds rows: NOT VALID, then VALIDATE CONSTRAINT.
-- from
CREATE TABLE public.team (id integer PRIMARY KEY);
CREATE TABLE public.player (id integer PRIMARY KEY, team_id integer);
INSERT INTO public.team VALUES (1);
INSERT INTO public.player VALUES (1, 1);
-- to
CREATE TABLE public.team (id integer PRIMARY KEY);
CREATE TABLE public.player (id integer PRIMARY KEY, team_id integer CONSTRAINT player_team_fk REFERENCES public.team (id) ON UPDATE CASCADE);
