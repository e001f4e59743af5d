Columns added: nullable, with a default, NOT NULL with a default, with a collation.
-- from
CREATE TABLE public.item (id integer PRIMARY KEY);
INSERT INTO public.item VALUES (1), (2);
-- to
CREATE TABLE public.item (
    id integer PRIMARY KEY,
    note text,
    stock integer DEFAULT 0,
    active boolean DEFAULT true NOT NULL,
    sku text COLLATE "C"
);
