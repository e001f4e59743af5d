A primary key and a unique constraint are added to a table that holds rows: unique indexes built CONCURRENTLY, then the constraints USING INDEX.
-- from
CREATE TABLE public.country (code text NOT NULL, name text);
INSERT INTO public.country VALUES ('fr', 'France');
-- to
CREATE TABLE public.country (code text NOT NULL, name text, CONSTRAINT country_pkey PRIMARY KEY (code),
    CONSTRAINT country_name_key UNIQUE (name) DEFERRABLE INITIALLY DEFERRED);
