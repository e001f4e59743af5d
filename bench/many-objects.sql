-- A schema with many small objects, like a large SaaS product's: psql -v n=2000 -f many-objects.sql
-- Per table t_<i>: an identity primary key, 6 columns, 3 secondary indexes, a foreign key (to t_<i-1>, t_1 to
-- itself), a CHECK and 20 rows; plus n/10 views (each joining two tables) and n/10 standalone sequences.
-- Every statement runs on its own (\gexec, autocommit), so no transaction needs n locks at once.
\set ON_ERROR_STOP on
SET client_min_messages = warning;

SELECT format($$CREATE TABLE public.t_%s (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    parent_id bigint NOT NULL REFERENCES public.t_%s (id),
    name text NOT NULL,
    amount numeric(12,2) NOT NULL CHECK (amount >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    note text)$$, i, greatest(i - 1, 1))
FROM generate_series(1, :n) AS i ORDER BY i \gexec

SELECT format($$INSERT INTO public.t_%s (parent_id, name, amount, created_at, note)
    SELECT CASE WHEN %s = 1 THEN 1 ELSE r END, 'name ' || r, r * 1.5, timestamptz '2026-01-01' + r * interval '1 hour', md5(r::text)
    FROM generate_series(1, 20) AS r$$, i, i)
FROM generate_series(1, :n) AS i ORDER BY i \gexec

SELECT format('CREATE INDEX t_%s_parent_idx ON public.t_%s (parent_id)', i, i) FROM generate_series(1, :n) AS i \gexec
SELECT format('CREATE INDEX t_%s_name_idx ON public.t_%s (name)', i, i) FROM generate_series(1, :n) AS i \gexec
SELECT format('CREATE INDEX t_%s_created_idx ON public.t_%s (created_at, amount)', i, i) FROM generate_series(1, :n) AS i \gexec

SELECT format($$CREATE VIEW public.v_%s AS SELECT c.id, c.name, p.name AS parent_name FROM public.t_%s c JOIN public.t_%s p ON p.id = c.parent_id$$,
              j, j * 10, greatest(j * 10 - 1, 1))
FROM generate_series(1, greatest(:n / 10, 1)) AS j \gexec

SELECT format('CREATE SEQUENCE public.s_%s', j) FROM generate_series(1, greatest(:n / 10, 1)) AS j \gexec
SELECT format('SELECT setval(%L, %s)', 'public.s_' || j, j * 7) FROM generate_series(1, greatest(:n / 10, 1)) AS j \gexec

COMMENT ON DATABASE :"DBNAME" IS :'marker';
