A schema and everything in it go away: the table first, then the schema.
-- from
CREATE SCHEMA legacy;
CREATE TABLE legacy.old_orders (id integer PRIMARY KEY, placed date);
CREATE VIEW legacy.recent AS SELECT id FROM legacy.old_orders WHERE placed > date '2020-01-01';
-- to
