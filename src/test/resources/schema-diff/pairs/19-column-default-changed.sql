Defaults set, changed and dropped.
-- from
CREATE TABLE public.task (id integer, priority integer DEFAULT 1, owner text DEFAULT 'nobody', due date);
-- to
CREATE TABLE public.task (id integer, priority integer DEFAULT 3, owner text, due date DEFAULT CURRENT_DATE + 7);
