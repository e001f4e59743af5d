Names that need quotes (capitals, spaces, keywords, non-ASCII) in a schema of their own, changed everywhere.
-- from
CREATE SCHEMA "Sales Data";
CREATE TABLE "Sales Data"."Order" ("Id" integer PRIMARY KEY, "select" text);
CREATE TYPE "Sales Data"."Ştatus" AS ENUM ('Open');
-- to
CREATE SCHEMA "Sales Data";
CREATE TYPE "Sales Data"."Ştatus" AS ENUM ('Open', 'Closed ''for good''');
CREATE TABLE "Sales Data"."Order" ("Id" integer PRIMARY KEY, "select" text NOT NULL DEFAULT 'x', "Ştatus" "Sales Data"."Ştatus");
CREATE INDEX "Order by select" ON "Sales Data"."Order" ("select");
CREATE VIEW "Sales Data"."Open Orders" AS SELECT "Id" FROM "Sales Data"."Order" WHERE "Ştatus" = 'Open';
COMMENT ON COLUMN "Sales Data"."Order"."select" IS 'a keyword as a name';
