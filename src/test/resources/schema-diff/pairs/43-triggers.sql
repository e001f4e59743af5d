A trigger is added, another changes its events, a third is dropped.
-- from
CREATE TABLE public.doc (id integer, body text, updated timestamp with time zone);
CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated := now(); RETURN NEW; END $$;
CREATE TRIGGER doc_touch BEFORE UPDATE ON public.doc FOR EACH ROW EXECUTE FUNCTION public.touch();
CREATE TRIGGER doc_old BEFORE INSERT ON public.doc FOR EACH ROW EXECUTE FUNCTION public.touch();
-- to
CREATE TABLE public.doc (id integer, body text, updated timestamp with time zone);
CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated := now(); RETURN NEW; END $$;
CREATE TRIGGER doc_touch BEFORE INSERT OR UPDATE OF body ON public.doc FOR EACH ROW EXECUTE FUNCTION public.touch();
CREATE TRIGGER doc_check AFTER DELETE ON public.doc FOR EACH STATEMENT EXECUTE FUNCTION public.touch();
