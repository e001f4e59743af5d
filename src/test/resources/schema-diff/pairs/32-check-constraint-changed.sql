A CHECK constraint's condition changes and another is dropped.
-- from
CREATE TABLE public.product (price numeric CONSTRAINT price_positive CHECK (price > 0), weight numeric CONSTRAINT weight_check CHECK (weight < 1000));
-- to
CREATE TABLE public.product (price numeric CONSTRAINT price_positive CHECK (price >= 0 AND price < 100000), weight numeric);
