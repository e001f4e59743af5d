An enum type is created and a new column uses it with a default.
-- from
CREATE TABLE public.ticket (id integer PRIMARY KEY);
-- to
CREATE TYPE public.ticket_state AS ENUM ('open', 'closed');
CREATE TABLE public.ticket (id integer PRIMARY KEY, state public.ticket_state DEFAULT 'open' NOT NULL);
