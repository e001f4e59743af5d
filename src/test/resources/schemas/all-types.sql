-- One of every type, relation kind and object kind PostgreSQL 13-17 lets a user create without a C extension, each
-- holding values at its edges (NULLs, infinities, NaN, empty arrays, arrays with other lower bounds, long values
-- stored out of line). Loaded with psql; parts that need a newer server are guarded by its version.

CREATE SCHEMA kinds;
CREATE TYPE kinds.mood AS ENUM ('sad', 'ok', 'happy', 'with ''quote''');
CREATE TYPE kinds.pair AS (label text, amount numeric(8,2));
CREATE TYPE kinds.nested AS (inner_pair kinds.pair, moods kinds.mood[], tags text[]);
CREATE TYPE kinds.floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
CREATE DOMAIN kinds.positive AS integer CHECK (VALUE > 0);
CREATE DOMAIN kinds.int_list AS integer[] CHECK (cardinality(VALUE) < 10);
CREATE DOMAIN kinds.pair_domain AS kinds.pair;
CREATE DOMAIN kinds.acl_list AS aclitem[];
CREATE COLLATION kinds.c_copy FROM "C";

CREATE TABLE kinds.scalars (
    id integer PRIMARY KEY,
    i2 smallint, i4 integer, i8 bigint, num numeric(12,4), num_any numeric, r4 real, r8 double precision, cash money,
    fixed char(4), var varchar(12), txt text COLLATE kinds.c_copy, bin bytea, flag boolean, d date, t time, ttz timetz,
    ts timestamp, tstz timestamptz, span interval, u uuid, j json, jb jsonb, jp jsonpath, doc xml,
    ip inet, net cidr, mac macaddr, mac8 macaddr8, pt point, ln line, seg lseg, bx box, pth path, poly polygon, circ circle,
    b4 bit(4), vb varbit, tsv tsvector, tsq tsquery, lsn pg_lsn, snap txid_snapshot, snap8 pg_snapshot,
    o oid, rc regclass, rt regtype, rp regproc, nm name, ch "char", x xid, x8 xid8, c cid, tupleid tid,
    i2v int2vector, ov oidvector, acl aclitem, acls aclitem[]
);
INSERT INTO kinds.scalars VALUES
 (1, -32768, -2147483648, -9223372036854775808, -12345678.1234, 'NaN', 'NaN', '-Infinity', '-92233720368547758.08',
  'ab', 'ünïcødé ✓', E'tab\there\nnewline \\ backslash', '\x00ff00', true, '-infinity', '00:00', '23:59:59.999999+14:59',
  'infinity', '2024-02-29 12:34:56.789012+05:30', '-178000000 years', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
  '{"a": [1, 2.50, "x"], "a": null}', '{"nested": {"deep": [true, false, null]}}', '$.a[*] ? (@ > 1)',
  '<doc attr="1">text &amp; more</doc>', '2001:db8::1/64', '10.0.0.0/8', '08:00:2b:01:02:03', '08:00:2b:01:02:03:04:05',
  '(1.5,-2)', '{1,-1,0}', '[(0,0),(1,1)]', '(1,1),(0,0)', '[(0,0),(1,1),(2,0)]', '((0,0),(1,1),(1,0))', '<(0,0),1>',
  B'1010', B'101', 'a fat:2 cat:1B sat', 'fat & (rat | !cat)', '16/B374D848', '10:20:10,14,15', '10:20:10,14,15',
  '4294967295', 'kinds.scalars', 'kinds.mood', 'now', 'with space', 'x', '4294967295', '18446744073709551615', '4294967295', '(4294967295,65535)',
  '1 2 3', '1 2 3', 'postgres=arwdDxt/postgres', ARRAY['=r/postgres'::aclitem, 'postgres=U*/postgres'::aclitem]),
 (2, 32767, 2147483647, 9223372036854775807, 0.0001, '123456789012345678901234567890.123456789', 'Infinity', '-0', 0,
  '', '', repeat('long text stored out of line ', 20000), decode(repeat('0123456789abcdef', 40000), 'hex'), false,
  'infinity', '24:00', '00:00-15:59', '-infinity', 'infinity', '1 mon -2 days 03:04:05.678', NULL,
  '[]', '{}', '$', '<a/>', '0.0.0.0', '::/0', 'ff:ff:ff:ff:ff:ff', 'ff:ff:ff:ff:ff:ff:ff:ff',
  '(0,0)', '{0,1,0}', '[(0,0),(0,0)]', '(0,0),(0,0)', '((0,0),(1,1))', '((0,0))', '<(0,0),0>',
  B'0000', B'', '', 'a', '0/0', '1:1:', '1:1:', '0', 'pg_class', 'integer[]', 'int4in', '', E'\\001', '0', '0', '0', '(0,0)',
  '', '', '=/postgres', '{}'),
 (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);

CREATE TABLE kinds.arrays (
    id integer PRIMARY KEY,
    ints integer[], grid integer[][], texts text[], nulls text[], shifted integer[], stamps timestamptz[], jsons jsonb[],
    moods kinds.mood[], pairs kinds.pair[], nests kinds.nested[], positives kinds.positive[], lists kinds.int_list,
    ranges int4range[], uuids uuid[], bits varbit[], acl_domain kinds.acl_list
);
INSERT INTO kinds.arrays VALUES
 (1, '{1,2,3}', '{{1,2},{3,4}}', '{"a b","c,d","e\"f","","NULL"}', '{NULL,x,NULL}', '[0:2]={7,8,9}',
  '{infinity,"2020-01-01 00:00+00"}', ARRAY['{"k": 1}'::jsonb, 'null'::jsonb], '{sad,happy,"with ''quote''"}',
  ARRAY[ROW('one', 1.5)::kinds.pair, ROW(NULL, NULL)::kinds.pair, NULL],
  ARRAY[ROW(ROW('in', 2)::kinds.pair, '{ok}', '{"t 1",NULL}')::kinds.nested],
  '{1,2}', '{4,5,6}', '{"[1,5)",empty}', '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}', '{101,""}',
  ARRAY['postgres=r/postgres'::aclitem]),
 (2, '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}'),
 (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);

CREATE TABLE kinds.composites_and_ranges (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pair kinds.pair, nest kinds.nested, pair_dom kinds.pair_domain, mood kinds.mood, positive kinds.positive,
    r4 int4range, r8 int8range, rn numrange, rts tsrange, rtstz tstzrange, rd daterange, rf kinds.floatrange,
    doubled integer GENERATED ALWAYS AS (positive * 2) STORED
);
INSERT INTO kinds.composites_and_ranges (pair, nest, pair_dom, mood, positive, r4, r8, rn, rts, rtstz, rd, rf) VALUES
 (ROW('a', 1), ROW(ROW('b', 2), '{sad}', '{}'), ROW('c', 3), 'with ''quote''', 1, '[1,2)', '(,)', '[1.5,2.5]',
  '[2020-01-01,infinity)', '(,2020-01-01 00:00+00]', 'empty', '[1.5,3.25)'),
 (ROW(NULL, NULL), NULL, NULL, NULL, NULL, 'empty', NULL, '(,)', NULL, NULL, '[2020-01-01,2020-01-02)', '(,0]');

-- Relation kinds: unlogged, partitioned (range, list, default, a partition partitioned again), inheritance, and tables
-- with no columns at all, with every column dropped, and with a dropped column between others.
CREATE UNLOGGED TABLE kinds.scratch (id integer, note text);
INSERT INTO kinds.scratch SELECT g, 'note ' || g FROM generate_series(1, 50) g;

CREATE TABLE kinds.events (id bigint, happened date NOT NULL, region text, payload jsonb) PARTITION BY RANGE (happened);
CREATE TABLE kinds.events_2023 PARTITION OF kinds.events FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE kinds.events_2024 PARTITION OF kinds.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') PARTITION BY LIST (region);
CREATE TABLE kinds.events_2024_eu PARTITION OF kinds.events_2024 FOR VALUES IN ('eu');
CREATE TABLE kinds.events_2024_other PARTITION OF kinds.events_2024 DEFAULT;
CREATE TABLE kinds.events_later PARTITION OF kinds.events DEFAULT;
INSERT INTO kinds.events SELECT g, date '2023-01-01' + g, CASE WHEN g % 2 = 0 THEN 'eu' ELSE 'us' END, jsonb_build_object('g', g)
FROM generate_series(1, 1000) g;

CREATE TABLE kinds.vehicles (id integer, wheels integer);
CREATE TABLE kinds.bikes (bell boolean) INHERITS (kinds.vehicles);
INSERT INTO kinds.vehicles VALUES (1, 4);
INSERT INTO kinds.bikes VALUES (2, 2, true);

CREATE TABLE kinds.no_columns ();
INSERT INTO kinds.no_columns SELECT FROM generate_series(1, 4);
CREATE TABLE kinds.all_dropped (a integer, b text);
INSERT INTO kinds.all_dropped VALUES (1, 'x'), (2, 'y');
ALTER TABLE kinds.all_dropped DROP COLUMN a, DROP COLUMN b;
CREATE TABLE kinds.gap (a integer, dropped text, b text);
INSERT INTO kinds.gap VALUES (1, 'gone', 'kept');
ALTER TABLE kinds.gap DROP COLUMN dropped;
CREATE TABLE kinds.columnless_parent ();
CREATE TABLE kinds.columnless_child (v integer) INHERITS (kinds.columnless_parent);
INSERT INTO kinds.columnless_parent DEFAULT VALUES;
INSERT INTO kinds.columnless_child VALUES (5);

-- Other relation kinds: view, materialized view, sequence, composite type (above), foreign table without a wrapper
-- handler (no C extension needed; created without data).
CREATE VIEW kinds.happy_pairs AS SELECT id, pair FROM kinds.composites_and_ranges WHERE mood IS NOT NULL;
CREATE MATERIALIZED VIEW kinds.event_counts AS SELECT region, count(*) AS events FROM kinds.events GROUP BY region;
CREATE SEQUENCE kinds.ticket_seq START 100 INCREMENT 7;
SELECT nextval('kinds.ticket_seq'), nextval('kinds.ticket_seq');
CREATE FOREIGN DATA WRAPPER kinds_nowhere;
CREATE SERVER kinds_nowhere_server FOREIGN DATA WRAPPER kinds_nowhere;
CREATE FOREIGN TABLE kinds.remote_things (id integer) SERVER kinds_nowhere_server;

-- Object kinds.
CREATE FUNCTION kinds.add_one(i integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT i + 1';
CREATE FUNCTION kinds.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.note := coalesce(NEW.note, 'touched'); RETURN NEW; END $$;
CREATE PROCEDURE kinds.noop() LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE AGGREGATE kinds.total(integer) (SFUNC = int4pl, STYPE = integer, INITCOND = '0');
CREATE FUNCTION kinds.pair_eq(a kinds.pair, b kinds.pair) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT a.label = b.label';
CREATE OPERATOR kinds.=== (LEFTARG = kinds.pair, RIGHTARG = kinds.pair, FUNCTION = kinds.pair_eq);
CREATE FUNCTION kinds.pair_text(p kinds.pair) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT p.label';
CREATE CAST (kinds.pair AS text) WITH FUNCTION kinds.pair_text(kinds.pair);
CREATE TEXT SEARCH DICTIONARY kinds.simple_dict (TEMPLATE = pg_catalog.simple, STOPWORDS = english);
CREATE TEXT SEARCH CONFIGURATION kinds.search (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION kinds.search ALTER MAPPING FOR word WITH kinds.simple_dict;
CREATE TRIGGER scratch_touch BEFORE INSERT ON kinds.scratch FOR EACH ROW EXECUTE FUNCTION kinds.touch();
CREATE RULE vehicles_no_delete AS ON DELETE TO kinds.vehicles WHERE old.id < 0 DO INSTEAD NOTHING;
ALTER TABLE kinds.scratch ENABLE ROW LEVEL SECURITY;
CREATE POLICY scratch_all ON kinds.scratch USING (true);
CREATE INDEX scalars_btree ON kinds.scalars (i4) WHERE i4 IS NOT NULL;
CREATE INDEX scalars_hash ON kinds.scalars USING hash (u);
CREATE INDEX scalars_gin ON kinds.scalars USING gin (tsv);
CREATE INDEX scalars_gist ON kinds.scalars USING gist (bx);
CREATE INDEX scalars_spgist ON kinds.scalars USING spgist (ip);
CREATE INDEX scalars_brin ON kinds.scalars USING brin (d);
CREATE INDEX scalars_expression ON kinds.scalars (lower(var)) INCLUDE (i2);
CREATE UNIQUE INDEX arrays_unique ON kinds.arrays (id, ints);
ALTER TABLE kinds.scalars ADD CONSTRAINT scalars_ranges CHECK (i2 IS NULL OR i2 BETWEEN -32768 AND 32767) NOT VALID;
ALTER TABLE kinds.arrays ADD CONSTRAINT arrays_scalars FOREIGN KEY (id) REFERENCES kinds.scalars (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE kinds.composites_and_ranges ADD CONSTRAINT no_overlap EXCLUDE USING gist (r4 WITH &&);
CREATE STATISTICS kinds.scalars_stats (dependencies) ON i2, i4 FROM kinds.scalars;
COMMENT ON TABLE kinds.no_columns IS 'rows, but no columns';
COMMENT ON COLUMN kinds.scalars.acl IS 'aclitem has no binary send/receive';

-- Newer servers: multiranges (14+).
DO $$
BEGIN
    IF current_setting('server_version_num')::integer >= 140000 THEN
        EXECUTE 'CREATE TABLE kinds.multiranges (id integer, m4 int4multirange, md datemultirange, mf kinds.floatmultirange)';
        EXECUTE $sql$INSERT INTO kinds.multiranges VALUES (1, '{[1,3), [5,8)}', '{}', '{[1.5,2), (3,)}'), (2, NULL, '{[2020-01-01,2020-02-01)}', '{}')$sql$;
    END IF;
END $$;

-- Large objects live outside tables: the twin does not copy them and says so.
SELECT lo_from_bytea(0, 'a large object');
