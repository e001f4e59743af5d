A partitioned table with partitions and a partitioned index is created; an existing one gains a partition.
-- from
CREATE TABLE public.event (id integer, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE public.event_2024 PARTITION OF public.event FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
-- to
CREATE TABLE public.event (id integer, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE public.event_2024 PARTITION OF public.event FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE public.event_2025 PARTITION OF public.event FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE public.measure (sensor integer, value numeric, region text) PARTITION BY LIST (region);
CREATE TABLE public.measure_eu PARTITION OF public.measure FOR VALUES IN ('eu');
CREATE TABLE public.measure_other PARTITION OF public.measure DEFAULT;
CREATE INDEX measure_sensor ON public.measure (sensor);
