A column of a partitioned table changes type and gains a default: the partitions follow their parent.
-- from
CREATE TABLE public.reading (sensor integer, value real, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE public.reading_2024 PARTITION OF public.reading FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
-- to
CREATE TABLE public.reading (sensor integer, value double precision DEFAULT 0, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE public.reading_2024 PARTITION OF public.reading FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
