Privileges granted, changed and revoked on a table, a view, a sequence, a function, a schema and a type.
-- from
CREATE TABLE public.ledger (id integer, amount numeric);
GRANT SELECT, INSERT ON public.ledger TO diff_writer;
GRANT SELECT ON public.ledger TO diff_reader;
CREATE SEQUENCE public.ledger_seq;
CREATE FUNCTION public.balance() RETURNS numeric LANGUAGE sql AS $$ SELECT 0::numeric $$;
CREATE TYPE public.kind AS ENUM ('debit', 'credit');
-- to
CREATE TABLE public.ledger (id integer, amount numeric);
GRANT SELECT, INSERT, UPDATE ON public.ledger TO diff_writer;
GRANT SELECT ON public.ledger TO diff_reader WITH GRANT OPTION;
CREATE VIEW public.ledger_total AS SELECT sum(amount) AS total FROM public.ledger;
GRANT SELECT ON public.ledger_total TO diff_reader;
CREATE SEQUENCE public.ledger_seq;
GRANT USAGE ON SEQUENCE public.ledger_seq TO diff_writer;
CREATE FUNCTION public.balance() RETURNS numeric LANGUAGE sql AS $$ SELECT 0::numeric $$;
REVOKE EXECUTE ON FUNCTION public.balance() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.balance() TO diff_reader;
GRANT USAGE ON SCHEMA public TO diff_reader;
CREATE TYPE public.kind AS ENUM ('debit', 'credit');
REVOKE USAGE ON TYPE public.kind FROM PUBLIC;
