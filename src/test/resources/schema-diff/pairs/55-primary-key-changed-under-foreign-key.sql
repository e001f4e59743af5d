A primary key that a foreign key points at changes: the foreign key is dropped first and added again after it.
-- from
CREATE TABLE public.warehouse (code text NOT NULL, region text NOT NULL, CONSTRAINT warehouse_pkey PRIMARY KEY (code));
CREATE TABLE public.stock (warehouse_code text CONSTRAINT stock_warehouse_fk REFERENCES public.warehouse (code), qty integer);
-- to
CREATE TABLE public.warehouse (code text NOT NULL, region text NOT NULL, CONSTRAINT warehouse_pkey PRIMARY KEY (code) WITH (fillfactor = 90));
CREATE TABLE public.stock (warehouse_code text CONSTRAINT stock_warehouse_fk REFERENCES public.warehouse (code), qty integer);
