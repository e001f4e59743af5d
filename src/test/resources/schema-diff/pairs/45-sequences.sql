A sequence is created and used by a default, another's options change (its value is left alone), a third is dropped.
-- from
CREATE SEQUENCE public.invoice_no START 1000;
SELECT nextval('public.invoice_no');
CREATE SEQUENCE public.unused;
CREATE TABLE public.invoice (no integer);
-- to
CREATE SEQUENCE public.invoice_no START 1000 INCREMENT 10 MAXVALUE 999999 CACHE 5;
CREATE SEQUENCE public.ticket_no AS integer CYCLE;
CREATE TABLE public.invoice (no integer DEFAULT nextval('public.invoice_no'), ticket integer DEFAULT nextval('public.ticket_no'));
