A trigger on a new table calls a new function: function, table, then trigger.
-- from
-- to
CREATE FUNCTION public.upper_name() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.name := upper(NEW.name); RETURN NEW; END $$;
CREATE TABLE public.pet (id integer, name text);
CREATE TRIGGER pet_upper BEFORE INSERT ON public.pet FOR EACH ROW EXECUTE FUNCTION public.upper_name();
