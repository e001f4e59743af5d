Triggers disabled, enabled always, and a disabled one created: ALTER TABLE ... DISABLE / ENABLE ALWAYS TRIGGER.
-- from
CREATE TABLE public.account (id integer, touched timestamp with time zone);
CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.touched := now(); RETURN NEW; END $$;
CREATE TRIGGER account_touch BEFORE UPDATE ON public.account FOR EACH ROW EXECUTE FUNCTION public.touch();
CREATE TRIGGER account_audit AFTER INSERT ON public.account FOR EACH ROW EXECUTE FUNCTION public.touch();
-- to
CREATE TABLE public.account (id integer, touched timestamp with time zone);
CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.touched := now(); RETURN NEW; END $$;
CREATE TRIGGER account_touch BEFORE UPDATE ON public.account FOR EACH ROW EXECUTE FUNCTION public.touch();
ALTER TABLE public.account DISABLE TRIGGER account_touch;
CREATE TRIGGER account_audit AFTER INSERT ON public.account FOR EACH ROW EXECUTE FUNCTION public.touch();
ALTER TABLE public.account ENABLE ALWAYS TRIGGER account_audit;
CREATE TRIGGER account_later BEFORE DELETE ON public.account FOR EACH ROW EXECUTE FUNCTION public.touch();
ALTER TABLE public.account DISABLE TRIGGER account_later;
