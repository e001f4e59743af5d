-- Pagila as a developer changed it on a branch: run after pagila-schema.sql to make the "to" side of PagilaDiffTest.

-- columns added
ALTER TABLE public.customer ADD COLUMN phone_verified boolean DEFAULT false NOT NULL;
ALTER TABLE public.film ADD COLUMN subtitles text[] DEFAULT '{}' NOT NULL;

-- a type changed
ALTER TABLE public.staff ALTER COLUMN username TYPE character varying(32);

-- an index
CREATE INDEX idx_rental_return_date ON public.rental USING btree (return_date) WHERE return_date IS NULL;

-- a view rewritten
CREATE OR REPLACE VIEW public.staff_list AS
 SELECT s.staff_id AS id,
    ((s.first_name || ' '::text) || s.last_name) AS name,
    a.address,
    a.postal_code AS "zip code",
    a.phone,
    city.city,
    country.country,
    s.store_id AS sid,
    s.email
   FROM (((public.staff s
     JOIN public.address a ON ((s.address_id = a.address_id)))
     JOIN public.city ON ((a.city_id = city.city_id)))
     JOIN public.country ON ((city.country_id = country.country_id)))
  WHERE s.active;

-- a function changed
CREATE OR REPLACE FUNCTION public.last_day(timestamp with time zone) RETURNS date
    LANGUAGE sql IMMUTABLE STRICT
    AS $_$
  SELECT (date_trunc('month', $1) + interval '1 month' - interval '1 day')::date;
$_$;

-- a table dropped
DROP TABLE public.payment_p2022_07;

-- an enum value, a CHECK on an existing table, a comment
ALTER TYPE public.mpaa_rating ADD VALUE 'NR' AFTER 'NC-17';
ALTER TABLE public.film ADD CONSTRAINT film_length_positive CHECK (length > 0);
COMMENT ON COLUMN public.customer.phone_verified IS 'set once the customer confirmed a code sent by text';
