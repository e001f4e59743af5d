package io.neontwin.twin;

import io.neontwin.errors.ExitCode;
import io.neontwin.report.Outcome;
import io.neontwin.report.TwinReport;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every row of production, or a run that fails saying why, keeping the previous twin: never a twin that verifies
 * while rows are missing (issue 8). Each test twins a small database of its own on the shared PostgreSQL 15 servers.
 */
class EveryRowTest {
    static TestServer production;
    static TestServer twin;

    @BeforeAll
    static void servers() {
        production = PostgresServers.get(15);
        twin = PostgresServers.get(15, "twin");
    }

    private static TwinReport twinOf(String database, ProgressListener listener) {
        twin.dropDatabase(database + "_twin");
        return new TwinEngine(TwinFixtures.options(production, database, twin, database + "_twin"), listener).run().report();
    }

    private static String content(TestServer server, String database, String table) {
        return server.queryString(database, "SELECT count(*) || ':' || coalesce(string_agg(to_jsonb(t)::text, '|' ORDER BY to_jsonb(t)::text), '') FROM ONLY "
                + table + " t");
    }

    @Test
    void tablesWithoutColumnsKeepTheirRows() {
        production.createDatabase("zero_cols");
        production.execute("zero_cols", "CREATE TABLE nothing ()", "INSERT INTO nothing DEFAULT VALUES", "INSERT INTO nothing DEFAULT VALUES",
                "CREATE TABLE emptied (a int, b text)", "INSERT INTO emptied SELECT g, 'x' FROM generate_series(1, 3) g",
                "ALTER TABLE emptied DROP COLUMN a", "ALTER TABLE emptied DROP COLUMN b",
                "CREATE TABLE parent ()", "CREATE TABLE child (v int) INHERITS (parent)", "INSERT INTO parent DEFAULT VALUES",
                "INSERT INTO child VALUES (7)");

        TwinReport report = twinOf("zero_cols", ProgressListener.SILENT);

        assertEquals(Outcome.SUCCEEDED, report.outcome(), () -> String.valueOf(report.failure()));
        assertEquals(2, twin.queryLong("zero_cols_twin", "SELECT count(*) FROM nothing"));
        assertEquals(3, twin.queryLong("zero_cols_twin", "SELECT count(*) FROM emptied"));
        assertEquals(1, twin.queryLong("zero_cols_twin", "SELECT count(*) FROM ONLY parent"));
        assertEquals(7, twin.queryLong("zero_cols_twin", "SELECT v FROM child"));
    }

    @Test
    void typesWithoutBinaryInputAndOutputTravelAsText() {
        production.createDatabase("no_binary");
        production.execute("no_binary", "CREATE TABLE grants (id int, acl aclitem, acls aclitem[])",
                "CREATE DOMAIN acl_list AS aclitem[]", "CREATE TYPE acl_pair AS (who text, what aclitem)",
                "CREATE TABLE wrapped (id int, list acl_list, pairs acl_pair[])",
                "INSERT INTO grants VALUES (1, 'postgres=arwd/postgres', ARRAY['=r/postgres'::aclitem])",
                "INSERT INTO wrapped VALUES (1, ARRAY['postgres=r/postgres'::aclitem], ARRAY[ROW('a', '=w/postgres')::acl_pair])");

        TwinReport report = twinOf("no_binary", ProgressListener.SILENT);

        assertEquals(Outcome.SUCCEEDED, report.outcome(), () -> String.valueOf(report.failure()));
        assertEquals(content(production, "no_binary", "grants"), content(twin, "no_binary_twin", "grants"));
        assertEquals(content(production, "no_binary", "wrapped"), content(twin, "no_binary_twin", "wrapped"));
    }

    @Test
    void aRoleThatRowLevelSecurityFiltersFailsBeforeTheCopyNamingTheTableAndTheFixInsteadOfCopyingSomeRows() {
        production.createDatabase("rls_prod");
        production.execute("rls_prod", "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rls_reader') THEN "
                        + "CREATE ROLE rls_reader LOGIN PASSWORD 'reader-secret'; END IF; END $$",
                "CREATE TABLE notes (id int, owner_name text)", "INSERT INTO notes SELECT g, CASE WHEN g <= 10 THEN 'rls_reader' ELSE 'other' END "
                        + "FROM generate_series(1, 100) g",
                "ALTER TABLE notes ENABLE ROW LEVEL SECURITY",
                "CREATE POLICY own_notes ON notes FOR SELECT USING (owner_name = current_user)",
                "GRANT SELECT ON notes TO rls_reader");
        TestServer asReader = new TestServer(15, production.host(), production.port(), "rls_reader", "reader-secret");
        twin.dropDatabase("rls_twin");
        TwinFixtures.twin(production, "rls_prod", twin, "rls_twin");
        assertEquals(100, twin.queryLong("rls_twin", "SELECT count(*) FROM notes"), "a first twin made by the owner");

        TwinResult result = TwinFixtures.twin(asReader, "rls_prod", twin, "rls_twin");

        assertEquals(ExitCode.PRIVILEGE, result.exitCode(), () -> String.valueOf(result.report().failure()));
        assertEquals("preflight", result.report().failure().phase(), "found in the catalog, before anything is written or copied");
        String message = result.report().failure().message();
        assertTrue(message.contains("public.notes") && message.contains("BYPASSRLS"), message);
        assertFalse(message.contains("reader-secret"), message);
        assertEquals(100, twin.queryLong("rls_twin", "SELECT count(*) FROM notes"), "the previous twin is kept");
    }

    @Test
    void aTruncateCommittedOnProductionDuringTheRunFailsItNamingTheTable() {
        productionChangedDuringTheRun("truncated", "TRUNCATE big");
    }

    @Test
    void aRewritingAlterTableCommittedOnProductionDuringTheRunFailsItNamingTheTable() {
        productionChangedDuringTheRun("rewritten", "ALTER TABLE big ALTER COLUMN v TYPE bigint");
    }

    private void productionChangedDuringTheRun(String database, String ddl) {
        production.createDatabase(database);
        production.execute(database, "CREATE TABLE big (id int, v int)", "INSERT INTO big SELECT g, g FROM generate_series(1, 1000) g");
        twin.dropDatabase(database + "_twin");
        assertEquals(ExitCode.OK, TwinFixtures.twin(production, database, twin, database + "_twin").exitCode());
        // Production's DDL commits after the snapshot was taken and before the table's COPY starts.
        ProgressListener ddlAtDataPhase = new ProgressListener() {
            @Override
            public void phaseStarted(String phase) {
                if (phase.equals("data")) {
                    production.execute(database, ddl);
                }
            }
        };

        TwinResult result = new TwinEngine(TwinFixtures.options(production, database, twin, database + "_twin"), ddlAtDataPhase).run();

        assertEquals(ExitCode.COPY_FAILED, result.exitCode(), () -> String.valueOf(result.report().failure()));
        assertTrue(result.report().failure().message().contains("public.big"), result.report().failure().message());
        assertEquals(1000, twin.queryLong(database + "_twin", "SELECT count(*) FROM big"), "the previous twin is kept");
    }

    @Test
    void countsVerificationFailsATableWhoseCopyNeverFinishedEvenIfTheTwinAgrees() throws Exception {
        twin.createDatabase("unfinished");
        twin.execute("unfinished", "CREATE TABLE orders (id int)");
        ProductionCatalog.Relation orders;
        try (Connection connection = twin.connect("unfinished")) {
            orders = new ProductionCatalog(connection).relations(java.util.Set.of(
                    twin.queryLong("unfinished", "SELECT 'orders'::regclass::oid"))).values().iterator().next();
        }
        CopyTask task = new CopyTask(orders, List.of(new ProductionCatalog.Column("id", true)), 0, 1, -1, -1, true, TableTransform.IDENTITY);
        // A stream that delivered nothing: no rows arrived and none were counted, since its COPY never completed.
        Map<Long, DataCopier.TableResult> results = Map.of(orders.oid(), new DataCopier.TableResult());

        Verifier.Checked checked = Verifier.verify(VerifyMode.COUNTS, 1, List.of(task), results, () -> {
            try {
                return twin.connect("unfinished");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });

        assertEquals(1, checked.mismatches().size(), checked.mismatches()::toString);
        assertTrue(checked.mismatches().get(0).contains("public.orders"), checked.mismatches()::toString);
    }

    @Test
    void aMaterializedViewProductionHasNotRefreshedIsNamedWithBothCounts() {
        production.createDatabase("stale_view");
        production.execute("stale_view", "CREATE TABLE sales (id int)", "INSERT INTO sales SELECT generate_series(1, 5)",
                "CREATE MATERIALIZED VIEW sales_ids AS SELECT id FROM sales", "INSERT INTO sales SELECT generate_series(6, 8)");

        TwinReport report = twinOf("stale_view", ProgressListener.SILENT);

        assertEquals(Outcome.SUCCEEDED, report.outcome(), () -> String.valueOf(report.failure()));
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains("sales_ids") && w.contains("8") && w.contains("5")),
                report.warnings()::toString);
    }

    @Test
    void anInheritanceChildWithItsOwnColumnOrderGetsEveryValueInItsColumnAndAWarning() {
        production.createDatabase("child_order");
        production.execute("child_order", "CREATE TABLE parent (a int, b text)", "CREATE TABLE child (c date, b text, a int)",
                "ALTER TABLE child INHERIT parent", "INSERT INTO child VALUES ('2024-01-02', 'bee', 1), ('2024-03-04', 'bop', 2)");

        TwinReport report = twinOf("child_order", ProgressListener.SILENT);

        assertEquals(Outcome.SUCCEEDED, report.outcome(), () -> String.valueOf(report.failure()));
        String byName = "SELECT string_agg(a || '/' || b || '/' || c, ',' ORDER BY a) FROM child";
        assertEquals(production.queryString("child_order", byName), twin.queryString("child_order_twin", byName));
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains("public.child") && w.contains("order")),
                report.warnings()::toString);
    }
}
