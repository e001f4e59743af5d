An index on a partitioned table (CONCURRENTLY is not allowed there) and a primary key on it.
-- from
CREATE TABLE public.metric (id integer NOT NULL, at date NOT NULL, name text) PARTITION BY RANGE (at);
CREATE TABLE public.metric_2024 PARTITION OF public.metric FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
-- to
CREATE TABLE public.metric (id integer NOT NULL, at date NOT NULL, name text, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE TABLE public.metric_2024 PARTITION OF public.metric FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX metric_name ON public.metric (name);
