A partition is detached (it stays as a table), and an existing table is attached as a partition.
-- from
CREATE TABLE public.log (id integer, at date) PARTITION BY RANGE (at);
CREATE TABLE public.log_old PARTITION OF public.log FOR VALUES FROM ('2000-01-01') TO ('2020-01-01');
CREATE TABLE public.log_new (id integer, at date);
-- to
CREATE TABLE public.log (id integer, at date) PARTITION BY RANGE (at);
CREATE TABLE public.log_old (id integer, at date);
CREATE TABLE public.log_new PARTITION OF public.log FOR VALUES FROM ('2020-01-01') TO ('2030-01-01');
