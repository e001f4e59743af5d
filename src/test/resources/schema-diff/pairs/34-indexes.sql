Indexes added (expression, partial, unique, INCLUDE), changed and dropped: CONCURRENTLY, outside a transaction.
-- from
CREATE TABLE public.contact (id integer, email text, city text, created date);
CREATE INDEX contact_city ON public.contact (city);
CREATE INDEX contact_created ON public.contact (created);
-- to
CREATE TABLE public.contact (id integer, email text, city text, created date);
CREATE INDEX contact_city ON public.contact (city, created);
CREATE UNIQUE INDEX contact_email_lower ON public.contact (lower(email)) INCLUDE (id);
CREATE INDEX contact_recent ON public.contact USING brin (created) WHERE created > '2020-01-01';
