A unique constraint's columns change: dropped and added again.
-- from
CREATE TABLE public.seat (hall integer, row_no integer, number integer, CONSTRAINT seat_key UNIQUE (hall, number));
-- to
CREATE TABLE public.seat (hall integer, row_no integer, number integer, CONSTRAINT seat_key UNIQUE (hall, row_no, number));
