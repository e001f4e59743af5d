package io.neontwin.reversetwin;

import io.neontwin.errors.ExitCode;
import io.neontwin.report.MigrationError;
import io.neontwin.report.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.neontwin.reversetwin.ReverseTwinFixtures.failure;
import static io.neontwin.reversetwin.ReverseTwinFixtures.rehearsals;
import static io.neontwin.reversetwin.ReverseTwinFixtures.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run that cannot go on stops at the first problem, says where, and leaves production in a state it names. */
class ReverseTwinFailureTest {
    @TempDir
    Path folder;

    @Test
    void aMigrationFailingOnTheTwinStopsBeforeProductionIsTouchedAndNamesItsFileAndLine() {
        ReverseTwinFixtures.Pair pair = ReverseTwinFixtures.pair(folder)
                .write("V1__create_orders.sql", "CREATE TABLE orders (id int PRIMARY KEY);")
                .write("V2__add_columns.sql", """
                        -- two columns for invoicing
                        ALTER TABLE orders ADD COLUMN invoiced boolean,
                            ADD COLUMN invoice_number nosuchtype;
                        """)
                .write("V3__later.sql", "CREATE TABLE later (id int);");

        ReverseTwinResult result = pair.run();

        assertEquals(ExitCode.MIGRATION_FAILED, result.exitCode());
        assertEquals(Outcome.FAILED, result.report().outcome());
        MigrationError error = result.report().failedMigration();
        assertEquals("rehearsal", error.stage());
        assertEquals("2", error.version());
        assertEquals("V2__add_columns.sql", error.file());
        assertEquals(3, error.line(), "the line of 'nosuchtype', not the statement's first line");
        assertEquals("42704", error.sqlState());
        assertTrue(error.message().contains("nosuchtype"), error.message());
        assertFalse(error.statement().contains("\n"));
        assertEquals("rehearsal", result.report().failure().phase());
        assertTrue(result.report().failure().message().contains("V2__add_columns.sql:3"), failure(result));
        assertTrue(result.report().failure().message().contains("production was not touched"), failure(result));
        assertEquals("unchanged", result.report().failure().twinState());
        assertEquals(List.of("1 passed", "2 failed", "3 not-run"), rehearsals(result));
        assertEquals(List.of("1 pending", "2 pending", "3 pending"), statuses(result));
        assertFalse(pair.onProduction("orders"), "not even V1 reached production");
        assertFalse(pair.historyExists());
        assertFalse(pair.onTwin("orders"));
    }

    @Test
    void aMigrationFailingOnProductionRollsBackOnlyItselfAndEarlierOnesStayAppliedAndRecorded() {
        ReverseTwinFixtures.Pair pair = ReverseTwinFixtures.pair(folder)
                .write("V1__create_audit.sql", "CREATE TABLE audit (id int);")
                .write("V2__no_negative_balance.sql", """
                        ALTER TABLE accounts ADD COLUMN closed boolean NOT NULL DEFAULT false;
                        ALTER TABLE accounts ADD CONSTRAINT balance_not_negative CHECK (balance >= 0);
                        """)
                .write("V3__later.sql", "CREATE TABLE later (id int);");
        // production got a row since the twin was copied that the new constraint refuses: the rehearsal cannot see it
        pair.productionServer.execute(pair.production, "INSERT INTO accounts VALUES (4, -5)");

        ReverseTwinResult result = pair.run();

        assertEquals(ExitCode.MIGRATION_FAILED, result.exitCode());
        assertEquals(List.of("1 applied", "2 failed", "3 pending"), statuses(result));
        assertEquals(List.of("1 passed", "2 passed", "3 passed"), rehearsals(result));
        MigrationError error = result.report().failedMigration();
        assertEquals("apply", error.stage());
        assertEquals("V2__no_negative_balance.sql", error.file());
        assertEquals(2, error.line());
        assertEquals("23514", error.sqlState());
        assertEquals("apply", result.report().failure().phase());
        assertTrue(result.report().failure().twinState().contains("V1 applied by this run; V2 rolled back; V3 not run"),
                failure(result));
        assertEquals(List.of("1 true"), pair.history());
        assertTrue(pair.onProduction("audit"));
        assertEquals(0, pair.productionServer.queryLong(pair.production,
                "SELECT count(*) FROM information_schema.columns WHERE table_name = 'accounts' AND column_name = 'closed'"),
                "V2's first statement was rolled back with it");
        assertFalse(pair.onProduction("later"));
    }

    @Test
    void aMigrationOutsideATransactionThatFailsPartWayIsRecordedAsFailedAndLaterRunsRefuse() {
        ReverseTwinFixtures.Pair pair = ReverseTwinFixtures.pair(folder)
                .write("V1__indexes.sql", """
                        CREATE INDEX CONCURRENTLY accounts_balance_idx ON accounts (balance);
                        CREATE INDEX CONCURRENTLY accounts_region_idx ON accounts (region);
                        """);
        pair.twinServer.execute(pair.twin, "ALTER TABLE accounts ADD COLUMN region text"); // only the twin has it

        ReverseTwinResult result = pair.run();

        assertEquals(ExitCode.MIGRATION_FAILED, result.exitCode(), () -> failure(result));
        assertEquals(2, result.report().failedMigration().line());
        assertTrue(result.report().failure().message().contains("first 1 statement(s) stay applied"), failure(result));
        assertTrue(result.report().failure().twinState().contains("V1 partly applied"), failure(result));
        assertEquals(List.of("1 false"), pair.history());
        assertTrue(pair.onProduction("accounts_balance_idx"));

        ReverseTwinResult next = pair.run();

        assertEquals(ExitCode.MIGRATIONS_INVALID, next.exitCode());
        assertTrue(next.report().failure().message().contains("failed part-way"), failure(next));
        assertTrue(next.report().failure().message().contains("DELETE FROM " + ReverseTwinFixtures.HISTORY + " WHERE version = '1'"),
                failure(next));
    }

    @Test
    void anAppliedMigrationWhoseFileChangedStopsTheRunBeforeAnythingIsApplied() {
        ReverseTwinFixtures.Pair pair = ReverseTwinFixtures.pair(folder)
                .write("V1__create_orders.sql", "CREATE TABLE orders (id int PRIMARY KEY);");
        assertEquals(ExitCode.OK, pair.run().exitCode());
        pair.write("V1__create_orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);")
                .write("V2__create_items.sql", "CREATE TABLE items (id int);");

        ReverseTwinResult result = pair.run();

        assertEquals(ExitCode.MIGRATIONS_INVALID, result.exitCode());
        assertEquals(15, result.report().failure().exitCode());
        assertEquals("plan", result.report().failure().phase());
        assertTrue(result.report().failure().message().startsWith("V1 (V1__create_orders.sql) was applied to production on "),
                failure(result));
        assertTrue(result.report().failure().message().contains("its file has changed since"), failure(result));
        assertFalse(pair.onProduction("items"));
        assertEquals(List.of("1 true"), pair.history());
    }

    @Test
    void aPendingVersionBelowTheLatestAppliedIsRefusedUnlessOutOfOrderIsAllowed() {
        ReverseTwinFixtures.Pair pair = ReverseTwinFixtures.pair(folder)
                .write("V1__create_orders.sql", "CREATE TABLE orders (id int PRIMARY KEY);")
                .write("V3__create_items.sql", "CREATE TABLE items (id int);");
        assertEquals(ExitCode.OK, pair.run().exitCode());
        pair.write("V2__create_refunds.sql", "CREATE TABLE refunds (id int);"); // merged from a branch written earlier

        ReverseTwinResult refused = pair.run();

        assertEquals(ExitCode.MIGRATIONS_INVALID, refused.exitCode());
        assertTrue(refused.report().failure().message().contains("production already has V3"), failure(refused));
        assertTrue(refused.report().failure().message().contains("--out-of-order"), failure(refused));
        assertFalse(pair.onProduction("refunds"));

        ReverseTwinResult allowed = pair.run(ReverseTwinFixtures.withOutOfOrder(pair.options()));

        assertEquals(ExitCode.OK, allowed.exitCode(), () -> failure(allowed));
        assertEquals(List.of("2 applied"), statuses(allowed));
        assertTrue(pair.onProduction("refunds"));
        assertEquals(List.of("1 true", "3 true", "2 true"), pair.history());
    }

    @Test
    void aStatementRunningLongerThanTheStatementTimeoutOnProductionIsCancelledAndNamesTheOption() {
        ReverseTwinFixtures.Pair pair = ReverseTwinFixtures.pair(folder);
        // a migration's own settings end with it: the next one runs with the run's timeout and the default search_path
        pair.write("V1__loosen_settings.sql", "SET statement_timeout = 0;\nSET search_path = nowhere;")
                .write("V2__slow_on_production.sql", """
                CREATE TABLE orders (id int);
                DO $$ BEGIN IF current_database() = '%s' THEN PERFORM pg_sleep(30); END IF; END $$;
                """.formatted(pair.production));

        ReverseTwinResult result = pair.run(ReverseTwinFixtures.withStatementTimeout(pair.options(), Duration.ofMillis(300)));

        assertEquals(ExitCode.MIGRATION_FAILED, result.exitCode());
        assertEquals("2", result.report().failedMigration().version(), () -> failure(result));
        assertEquals("57014", result.report().failedMigration().sqlState(), () -> failure(result));
        assertEquals(2, result.report().failedMigration().line());
        assertTrue(result.report().failure().message().contains("statement-timeout (300 ms)"), failure(result));
        assertFalse(pair.onProduction("orders"));
    }

    @Test
    void aConnectionLostWhileApplyingFailsWithTheConnectionExitCodeAndKeepsEarlierMigrations() {
        ReverseTwinFixtures.Pair pair = ReverseTwinFixtures.pair(folder);
        pair.write("V1__create_orders.sql", "CREATE TABLE orders (id int);")
                .write("V2__lost.sql", """
                        CREATE TABLE items (id int);
                        DO $$ BEGIN IF current_database() = '%s' THEN PERFORM pg_terminate_backend(pg_backend_pid()); END IF; END $$;
                        """.formatted(pair.production));

        ReverseTwinResult result = pair.run();

        assertEquals(ExitCode.CONNECTION, result.exitCode(), () -> failure(result));
        assertEquals(List.of("1 applied", "2 failed"), statuses(result));
        assertTrue(result.report().failure().message().contains("was lost while applying V2"), failure(result));
        assertTrue(result.report().failure().twinState().contains("V2 rolled back"), failure(result));
        assertNull(result.report().failedMigration());
        assertEquals(List.of("1 true"), pair.history());
        assertFalse(pair.onProduction("items"));
    }
}
