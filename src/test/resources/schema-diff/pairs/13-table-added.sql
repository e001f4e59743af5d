A new table with every kind of constraint and an index: on a table the migration creates, the plain forms.
-- from
CREATE TABLE public.customer (id integer PRIMARY KEY, email text UNIQUE);
-- to
CREATE TABLE public.customer (id integer PRIMARY KEY, email text UNIQUE);
CREATE TABLE public.orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES public.customer (id) ON DELETE CASCADE,
    reference text NOT NULL,
    quantity integer DEFAULT 1 CHECK (quantity > 0),
    placed_at timestamp with time zone DEFAULT now(),
    CONSTRAINT orders_reference_key UNIQUE (customer_id, reference)
);
CREATE INDEX orders_placed_at ON public.orders (placed_at DESC) WHERE quantity > 1;
