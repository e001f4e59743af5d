A plpgsql function with settings is added, one with other arguments replaces an old one (a drop and a create), a procedure is added.
-- from
CREATE TABLE public.audit (at timestamp with time zone, what text);
CREATE FUNCTION public.greet(name text) RETURNS text LANGUAGE sql AS $$ SELECT 'hi ' || name $$;
-- to
CREATE TABLE public.audit (at timestamp with time zone, what text);
CREATE FUNCTION public.greet(name text, polite boolean DEFAULT true) RETURNS text LANGUAGE sql AS $$ SELECT CASE WHEN polite THEN 'hello ' ELSE 'hi ' END || name $$;
CREATE FUNCTION public.now_utc() RETURNS timestamp without time zone LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
    RETURN now() AT TIME ZONE 'UTC';
END
$$;
CREATE PROCEDURE public.record(what text) LANGUAGE sql AS $$ INSERT INTO public.audit VALUES (now(), what) $$;
