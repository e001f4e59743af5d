An exclusion constraint is added to a table that exists.
-- from
CREATE TABLE public.reservation (room integer, during tsrange);
-- to
CREATE TABLE public.reservation (room integer, during tsrange, CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&));
