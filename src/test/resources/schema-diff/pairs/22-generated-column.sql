A stored generated column's expression changes and another is added.
-- from
CREATE TABLE public.line (price numeric, quantity integer, total numeric GENERATED ALWAYS AS (price * quantity) STORED);
INSERT INTO public.line VALUES (2, 3);
-- to
CREATE TABLE public.line (price numeric, quantity integer,
    total numeric GENERATED ALWAYS AS (price * quantity * 1.2) STORED,
    doubled integer GENERATED ALWAYS AS (quantity * 2) STORED);
