A constraint left NOT VALID is validated; another is added NOT VALID on purpose and stays so.
-- from
CREATE TABLE public.reading (value integer, unit text);
ALTER TABLE public.reading ADD CONSTRAINT value_small CHECK (value < 1000) NOT VALID;
-- to
CREATE TABLE public.reading (value integer, unit text);
ALTER TABLE public.reading ADD CONSTRAINT value_small CHECK (value < 1000);
ALTER TABLE public.reading ADD CONSTRAINT unit_known CHECK (unit IN ('m', 's')) NOT VALID;
