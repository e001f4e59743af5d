package io.neontwin.reversetwin;

import io.neontwin.report.Hazard;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which statements are reported as risky on a live production database, and which are not. */
class HazardDetectorTest {

    private static List<Hazard> hazards(String text) {
        Migration migration = new Migration(MigrationVersion.parse("7"), "change", "V7__change.sql", text, "",
                SqlSplitter.split(text), true);
        return HazardDetector.detect(migration);
    }

    private static List<String> kinds(String text) {
        return hazards(text).stream().map(Hazard::kind).toList();
    }

    private static void assertFlagged(String kind, String... statements) {
        for (String sql : statements) {
            assertEquals(List.of(kind), kinds(sql), sql);
        }
    }

    private static void assertNotFlagged(String... statements) {
        for (String sql : statements) {
            assertEquals(List.of(), kinds(sql), sql);
        }
    }

    @Test
    void aHazardNamesTheMigrationTheStatementsFirstLineAndTheKindsSentences() {
        Hazard hazard = hazards("-- speeds up the orders page\nCREATE INDEX orders_at\n    ON orders (at);").getFirst();

        assertEquals(new Hazard("7", "V7__change.sql", 2, "index-without-concurrently",
                "CREATE INDEX orders_at ON orders (at)", HazardKind.INDEX_WITHOUT_CONCURRENTLY.risk(),
                HazardKind.INDEX_WITHOUT_CONCURRENTLY.advice()), hazard);
    }

    @Test
    void theStatementExcerptIsOneLineOfAtMost200Characters() {
        String columns = "a".repeat(300);
        Hazard hazard = hazards("CREATE INDEX i ON t /* why */ (\n  " + columns + ");").getFirst();

        assertEquals(200, hazard.statement().length());
        assertTrue(hazard.statement().startsWith("CREATE INDEX i ON t ( aaa"), hazard.statement());
        assertTrue(hazard.statement().endsWith("…"), hazard.statement());
    }

    @Test
    void anIndexBuiltWithoutConcurrentlyIsFlagged() {
        assertFlagged("index-without-concurrently", "CREATE INDEX orders_at ON orders (at)",
                "create unique index orders_no on public.orders using btree (no)", "CREATE INDEX ON ONLY orders (at)");
    }

    @Test
    void anIndexBuiltConcurrentlyIsNotFlagged() {
        assertNotFlagged("CREATE INDEX CONCURRENTLY orders_at ON orders (at)",
                "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_no ON orders (no)");
    }

    @Test
    void anIndexOnATableCreatedEarlierInTheMigrationIsNotFlagged() {
        assertEquals(List.of(), kinds("CREATE TABLE Audit.Events (id int);\nCREATE INDEX events_id ON events (id);"));
        assertEquals(List.of(), kinds("CREATE UNLOGGED TABLE \"Log\" (id int);\nCREATE INDEX ON \"Log\" (id);"));
        assertEquals(List.of(), kinds("CREATE MATERIALIZED VIEW totals AS SELECT 1 AS n;\nCREATE INDEX ON totals (n);"));
    }

    @Test
    void anIndexOnATableOfTheSameNameInAnotherSchemaOrCaseIsFlagged() {
        assertEquals(List.of("index-without-concurrently"),
                kinds("CREATE TABLE staging.events (id int);\nCREATE INDEX ON public.events (id);"));
        assertEquals(List.of("index-without-concurrently"),
                kinds("CREATE TABLE \"Events\" (id int);\nCREATE INDEX ON events (id);"));
    }

    @Test
    void aTableCreatedIfNotExistsMayAlreadyHoldRowsSoItsIndexIsFlagged() {
        assertEquals(List.of("index-without-concurrently"),
                kinds("CREATE TABLE IF NOT EXISTS events (id int);\nCREATE INDEX ON events (id);"));
    }

    @Test
    void anIndexBeforeItsTableIsCreatedIsFlagged() {
        assertEquals(List.of("index-without-concurrently"),
                kinds("CREATE INDEX ON events (id);\nCREATE TABLE events (id int);"));
    }

    @Test
    void aColumnTypeChangeIsFlaggedAsAPossibleRewrite() {
        assertFlagged("table-rewrite", "ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2)",
                "ALTER TABLE orders ALTER total SET DATA TYPE bigint",
                "ALTER TABLE IF EXISTS ONLY orders ADD COLUMN note text, ALTER COLUMN id TYPE bigint");
    }

    @Test
    void aNewColumnWithAVolatileDefaultIsFlaggedAsARewrite() {
        assertFlagged("table-rewrite", "ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid()",
                "ALTER TABLE orders ADD COLUMN r float8 NOT NULL DEFAULT random()",
                "ALTER TABLE orders ADD seen timestamptz DEFAULT clock_timestamp()",
                "ALTER TABLE orders ADD COLUMN n bigint DEFAULT nextval('orders_n')",
                "ALTER TABLE orders ADD COLUMN n bigserial",
                "ALTER TABLE orders ADD COLUMN n int GENERATED ALWAYS AS IDENTITY",
                "ALTER TABLE orders ADD COLUMN total2 numeric GENERATED ALWAYS AS (total * 2) STORED");
    }

    @Test
    void aNewColumnWithAConstantOrStableDefaultIsNotFlagged() {
        assertNotFlagged("ALTER TABLE orders ADD COLUMN note text",
                "ALTER TABLE orders ADD COLUMN created_at timestamptz NOT NULL DEFAULT now()",
                "ALTER TABLE orders ADD COLUMN IF NOT EXISTS status text NOT NULL DEFAULT 'new'",
                "ALTER TABLE orders ADD COLUMN label text DEFAULT 'random()'",
                "ALTER TABLE orders ADD COLUMN total2 numeric GENERATED ALWAYS AS (total * 2) VIRTUAL",
                "ALTER TABLE orders ADD COLUMN customer_id int REFERENCES customers (id)");
    }

    @Test
    void changingPersistenceTablespaceOrAccessMethodRewritesTheTable() {
        assertFlagged("table-rewrite", "ALTER TABLE orders SET LOGGED", "ALTER TABLE orders SET UNLOGGED",
                "ALTER TABLE orders SET TABLESPACE fast", "ALTER TABLE orders SET ACCESS METHOD heap2");
    }

    @Test
    void vacuumFullAndClusterRewriteTheTable() {
        assertFlagged("table-rewrite", "VACUUM FULL orders", "VACUUM (FULL, ANALYZE) orders",
                "CLUSTER orders USING orders_pkey", "CLUSTER");
        assertNotFlagged("VACUUM orders", "VACUUM (ANALYZE) orders", "VACUUM (FULL false) orders", "ANALYZE orders");
    }

    @Test
    void setNotNullAndValidatedConstraintsAreFlaggedAsAFullScanUnderLock() {
        assertFlagged("full-scan-under-lock", "ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL",
                "ALTER TABLE orders ADD CONSTRAINT total_positive CHECK (total > 0)",
                "ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers (id)",
                "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers",
                "ALTER TABLE orders ADD PRIMARY KEY (id)",
                "ALTER TABLE orders ADD CONSTRAINT orders_no UNIQUE (no) USING INDEX TABLESPACE fast",
                "ALTER TABLE orders ADD COLUMN code text UNIQUE",
                "ALTER TABLE orders ADD COLUMN qty int CHECK (qty > 0)",
                "ALTER TABLE orders ADD COLUMN customer_id int DEFAULT 1 REFERENCES customers (id)");
    }

    @Test
    void notValidConstraintsAndConstraintsUsingAnExistingIndexAreNotFlagged() {
        assertNotFlagged("ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES customers NOT VALID",
                "ALTER TABLE orders ADD CONSTRAINT total_positive CHECK (total > 0) NOT VALID",
                "ALTER TABLE orders VALIDATE CONSTRAINT total_positive",
                "ALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY USING INDEX orders_id",
                "ALTER TABLE orders ADD CONSTRAINT orders_no UNIQUE USING INDEX orders_no_idx",
                "ALTER TABLE orders ALTER COLUMN customer_id DROP NOT NULL",
                "ALTER TABLE orders DROP CONSTRAINT total_positive");
    }

    @Test
    void droppingOrEmptyingDataIsFlagged() {
        assertFlagged("data-loss", "DROP TABLE orders", "DROP TABLE IF EXISTS new_things, orders CASCADE",
                "ALTER TABLE orders DROP COLUMN note", "ALTER TABLE orders DROP IF EXISTS note",
                "DROP SCHEMA legacy CASCADE", "TRUNCATE orders", "TRUNCATE TABLE ONLY orders, lines",
                "DELETE FROM orders", "DELETE FROM orders USING (SELECT 1 WHERE true) s",
                "UPDATE orders SET status = 'done'", "UPDATE orders SET total = (SELECT max(t) FROM x WHERE x.id = 1)",
                "WITH old AS (SELECT id FROM orders WHERE at < now()) DELETE FROM orders");
    }

    @Test
    void targetedChangesAndDropsThatLoseNoDataAreNotFlagged() {
        assertNotFlagged("DELETE FROM orders WHERE at < now() - interval '5 years'",
                "UPDATE orders SET status = 'done' WHERE id = 1",
                "WITH x AS (SELECT 1) UPDATE orders SET a = 1 FROM x WHERE orders.id = 1",
                "DROP SCHEMA empty_one", "DROP INDEX orders_at", "DROP VIEW order_totals",
                "DROP MATERIALIZED VIEW totals", "INSERT INTO orders SELECT * FROM old_orders");
    }

    @Test
    void droppingOrEmptyingATableCreatedInTheSameMigrationIsNotFlagged() {
        assertEquals(List.of(), kinds("CREATE TABLE scratch AS SELECT * FROM orders;\nUPDATE scratch SET total = 0;\n"
                + "DELETE FROM scratch;\nTRUNCATE scratch;\nALTER TABLE scratch DROP COLUMN total;\nDROP TABLE scratch;"));
    }

    @Test
    void renamingATableOrColumnOrViewIsFlagged() {
        assertFlagged("breaking-rename", "ALTER TABLE orders RENAME TO purchases",
                "ALTER TABLE orders RENAME COLUMN total TO amount", "ALTER TABLE orders RENAME total TO amount",
                "ALTER VIEW order_totals RENAME TO totals", "ALTER MATERIALIZED VIEW totals RENAME COLUMN n TO count");
    }

    @Test
    void renamingAConstraintOrANewTableIsNotFlagged() {
        assertNotFlagged("ALTER TABLE orders RENAME CONSTRAINT a TO b");
        assertEquals(List.of(), kinds("CREATE TABLE orders_new (id int);\nALTER TABLE orders_new RENAME TO orders_v2;\n"
                + "CREATE INDEX ON orders_v2 (id);"));
    }

    @Test
    void explicitLocksNonConcurrentRefreshesAndReindexesAreFlagged() {
        assertFlagged("exclusive-lock", "LOCK TABLE orders", "LOCK orders IN SHARE MODE",
                "LOCK TABLE orders IN ACCESS EXCLUSIVE MODE NOWAIT", "REFRESH MATERIALIZED VIEW totals",
                "REINDEX TABLE orders", "REINDEX INDEX orders_at", "REINDEX (VERBOSE) SCHEMA public");
    }

    @Test
    void lightLocksConcurrentRefreshesAndReindexesAreNotFlagged() {
        assertNotFlagged("LOCK TABLE orders IN ACCESS SHARE MODE", "LOCK orders IN ROW EXCLUSIVE MODE",
                "REFRESH MATERIALIZED VIEW CONCURRENTLY totals", "REINDEX TABLE CONCURRENTLY orders",
                "REINDEX (CONCURRENTLY) INDEX orders_at");
    }

    @Test
    void keywordsInsideStringsCommentsAndQuotedNamesAreNeverFlagged() {
        assertNotFlagged("INSERT INTO notes VALUES ('DROP TABLE orders; TRUNCATE orders')",
                "-- DROP TABLE orders;\nSELECT 1 /* DELETE FROM orders */",
                "COMMENT ON TABLE orders IS 'run CREATE INDEX later'",
                "SELECT \"DELETE\" FROM \"UPDATE\"",
                "DO $$ BEGIN EXECUTE 'DROP TABLE orders'; END $$",
                "CREATE FUNCTION purge() RETURNS void LANGUAGE sql AS $$ DELETE FROM orders $$");
    }

    @Test
    void oneStatementWithSeveralHazardsReportsEachKindOnce() {
        List<Hazard> hazards = hazards("ALTER TABLE orders ALTER COLUMN a TYPE bigint, ALTER COLUMN b TYPE bigint,"
                + " DROP COLUMN c, ADD COLUMN d bigserial PRIMARY KEY;");

        assertEquals(List.of("table-rewrite", "full-scan-under-lock", "data-loss"),
                hazards.stream().map(Hazard::kind).toList());
    }

    @Test
    void plainSchemaChangesHaveNoHazards() {
        assertNotFlagged("CREATE TABLE orders (id bigint PRIMARY KEY, total numeric CHECK (total > 0))",
                "ALTER TABLE orders ADD COLUMN note text", "CREATE VIEW v AS SELECT 1",
                "ALTER TABLE orders ALTER COLUMN note SET DEFAULT 'x'", "COMMENT ON COLUMN orders.note IS 'free text'",
                "GRANT SELECT ON orders TO reader", "ALTER TYPE mood ADD VALUE 'meh'");
    }
}
