Storage parameters set, changed and reset; a table made unlogged; a new unlogged table with options.
-- from
CREATE TABLE public.hot (id integer) WITH (fillfactor = 90, autovacuum_enabled = false);
CREATE TABLE public.scratch (id integer);
-- to
CREATE TABLE public.hot (id integer) WITH (fillfactor = 70);
CREATE UNLOGGED TABLE public.scratch (id integer);
CREATE UNLOGGED TABLE public.cache (key text, value text) WITH (autovacuum_vacuum_scale_factor = 0.01);
