Row level security enabled and forced, policies added, changed and dropped.
-- from
CREATE TABLE public.note (id integer, owner_name text, shared boolean);
ALTER TABLE public.note ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON public.note FOR SELECT USING (owner_name = current_user);
CREATE POLICY old ON public.note FOR DELETE USING (false);
CREATE TABLE public.open_note (id integer);
-- to
CREATE TABLE public.note (id integer, owner_name text, shared boolean);
ALTER TABLE public.note ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.note FORCE ROW LEVEL SECURITY;
CREATE POLICY own ON public.note FOR SELECT USING (owner_name = current_user OR shared);
CREATE POLICY write_own ON public.note AS RESTRICTIVE FOR INSERT TO diff_writer WITH CHECK (owner_name = current_user);
CREATE TABLE public.open_note (id integer);
ALTER TABLE public.open_note ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone ON public.open_note USING (true) WITH CHECK (id > 0);
