A column that an index and a CHECK use is dropped: PostgreSQL drops them with it, so their own drops must not fail.
-- from
CREATE TABLE public.parcel (id integer, weight numeric CONSTRAINT parcel_weight_check CHECK (weight > 0), label text);
CREATE INDEX parcel_weight ON public.parcel (weight);
-- to
CREATE TABLE public.parcel (id integer, label text);
