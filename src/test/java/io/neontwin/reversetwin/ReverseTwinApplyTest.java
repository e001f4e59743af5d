package io.neontwin.reversetwin;

import io.neontwin.errors.ExitCode;
import io.neontwin.report.MigrationReport;
import io.neontwin.report.Outcome;
import io.neontwin.report.PhaseTiming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.neontwin.reversetwin.ReverseTwinFixtures.failure;
import static io.neontwin.reversetwin.ReverseTwinFixtures.rehearsals;
import static io.neontwin.reversetwin.ReverseTwinFixtures.statuses;
import static io.neontwin.reversetwin.ReverseTwinFixtures.versions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Migrations proven on the twin reach production in version order, once each, recorded; the twin never changes. */
class ReverseTwinApplyTest {
    @TempDir
    Path folder;

    @Test
    void appliesPendingMigrationsInVersionOrderAndRecordsEachOnce() {
        ReverseTwinFixtures.Pair pair = ReverseTwinFixtures.pair(folder)
                .write("V1__create_orders.sql", "CREATE TABLE orders (id int PRIMARY KEY, account_id int REFERENCES accounts);")
                .write("V2__add_total.sql", "ALTER TABLE orders ADD COLUMN total numeric NOT NULL DEFAULT 0;")
                // V10 needs V2's column: sorting "V10" before "V2" as text would fail here
                .write("V10__first_order.sql", "INSERT INTO orders (id, account_id, total) VALUES (1, 1, 9.5);");

        ReverseTwinResult result = pair.run();

        assertEquals(ExitCode.OK, result.exitCode(), () -> failure(result));
        assertEquals(Outcome.SUCCEEDED, result.report().outcome());
        assertEquals(List.of("1", "2", "10"), versions(result));
        assertEquals(List.of("1 applied", "2 applied", "10 applied"), statuses(result));
        assertEquals(List.of("1 passed", "2 passed", "10 passed"), rehearsals(result));
        assertEquals(List.of("1 true", "2 true", "10 true"), pair.history());
        assertEquals("9.5", pair.productionServer.queryString(pair.production, "SELECT total::text FROM orders"));
        assertEquals(0, result.report().appliedBefore());
        assertEquals(3, result.report().appliedCount());
        assertEquals(List.of("preflight", "plan", "rehearsal", "apply"),
                result.report().phases().stream().map(PhaseTiming::phase).toList());
        assertFalse(pair.onTwin("orders"), "the rehearsal was rolled back");
        assertEquals(ReverseTwinFixtures.HISTORY, result.report().historyTable());
        assertEquals(pair.production, result.report().production().database());
    }

    @Test
    void aSecondRunFindsNothingPendingAndSucceedsWithoutApplyingAgain() {
        ReverseTwinFixtures.Pair pair = ReverseTwinFixtures.pair(folder)
                .write("V1__add_note.sql", "ALTER TABLE accounts ADD COLUMN note text;")
                .write("V2__add_account.sql", "INSERT INTO accounts VALUES (4, 40, 'new');");
        assertEquals(ExitCode.OK, pair.run().exitCode());

        ReverseTwinResult again = pair.run();

        assertEquals(ExitCode.OK, again.exitCode(), () -> failure(again));
        assertEquals(Outcome.SUCCEEDED, again.report().outcome());
        assertEquals(List.of(), again.report().migrations());
        assertEquals(2, again.report().appliedBefore());
        assertEquals(List.of("1 true", "2 true"), pair.history());
        assertEquals(4, pair.productionServer.queryLong(pair.production, "SELECT count(*) FROM accounts"), "V2 ran once");
        assertTrue(pair.infos.contains("production is up to date: 2 migration(s) applied, none pending"), pair.infos::toString);
        assertEquals(List.of("preflight", "plan"), again.report().phases().stream().map(PhaseTiming::phase).toList());
    }

    @Test
    void aDryRunRehearsesAndReportsThePlanWithItsHazardsButWritesNothingAnywhere() {
        ReverseTwinFixtures.Pair pair = ReverseTwinFixtures.pair(folder)
                .write("V1__create_orders.sql", "CREATE TABLE orders (id int PRIMARY KEY);")
                .write("V2__fill.sql", "INSERT INTO orders VALUES (1);")
                .write("V3__index_balance.sql", "-- for the balance report\nCREATE INDEX accounts_balance_idx ON accounts (balance);");

        ReverseTwinResult result = pair.run(pair.options().withDryRun(true));

        assertEquals(ExitCode.OK, result.exitCode(), () -> failure(result));
        assertEquals(Outcome.PLANNED, result.report().outcome());
        assertEquals(List.of("1 pending", "2 pending", "3 pending"), statuses(result));
        assertEquals(List.of("1 passed", "2 passed", "3 passed"), rehearsals(result));
        assertEquals(List.of("V3__index_balance.sql:2 index-without-concurrently"), result.report().hazards().stream()
                .map(h -> h.file() + ":" + h.line() + " " + h.kind()).toList());
        assertTrue(pair.infos.contains("  V1 create orders (V1__create_orders.sql): 1 statement, in one transaction"), pair.infos::toString);
        assertTrue(pair.infos.stream().anyMatch(line -> line.startsWith("  hazard V3__index_balance.sql:2 [index-without-concurrently]")),
                pair.infos::toString);
        assertFalse(pair.onTwin("accounts_balance_idx"));
        assertTrue(result.report().migrations().stream().allMatch(m -> m.rehearsalSeconds() != null && m.applySeconds() == null));
        assertFalse(pair.historyExists(), "a dry run creates no history table");
        assertFalse(pair.productionServer.queryLong(pair.production,
                "SELECT count(*) FROM pg_namespace WHERE nspname = 'neon_twin'") > 0, "nor its schema");
        assertFalse(pair.onProduction("orders"));
        assertFalse(pair.onTwin("orders"));
        assertEquals(List.of("preflight", "plan", "rehearsal"), result.report().phases().stream().map(PhaseTiming::phase).toList());
    }

    @Test
    void createIndexConcurrentlyRunsOutsideATransactionOnProductionAndWithoutConcurrentlyInTheRehearsal() {
        ReverseTwinFixtures.Pair pair = ReverseTwinFixtures.pair(folder)
                .write("V1__index_balance.sql", """
                        CREATE INDEX CONCURRENTLY accounts_balance_idx ON accounts (balance);
                        VACUUM (ANALYZE) accounts;
                        """);

        ReverseTwinResult result = pair.run();

        assertEquals(ExitCode.OK, result.exitCode(), () -> failure(result));
        MigrationReport migration = result.report().migrations().get(0);
        assertFalse(migration.transactional());
        assertEquals(2, migration.statements());
        // PostgreSQL refuses CONCURRENTLY in a transaction block: a passed rehearsal shows it ran without the keyword
        assertEquals(List.of("1 passed"), rehearsals(result));
        assertTrue(pair.infos.stream().anyMatch(line -> line.contains("VACUUM") && line.contains("not rehearsed")), pair.infos::toString);
        assertEquals("true", pair.productionServer.queryString(pair.production,
                "SELECT indisvalid::text FROM pg_index WHERE indexrelid = 'accounts_balance_idx'::regclass"));
        assertFalse(pair.onTwin("accounts_balance_idx"), "the twin has no new index");
        assertEquals(List.of("1 true"), pair.history());
    }

    @Test
    void anEnumValueAddedByOneMigrationAndUsedByTheNextEndsTheRehearsalThereWithAWarningAndProductionGetsBoth() {
        ReverseTwinFixtures.Pair pair = ReverseTwinFixtures.pair(folder);
        pair.both("CREATE TYPE account_state AS ENUM ('open', 'closed')",
                "ALTER TABLE accounts ADD COLUMN state account_state NOT NULL DEFAULT 'open'");
        pair.write("V1__add_frozen_state.sql", "ALTER TYPE account_state ADD VALUE 'frozen';")
                .write("V2__freeze_account_3.sql", "UPDATE accounts SET state = 'frozen' WHERE id = 3;");

        ReverseTwinResult result = pair.run();

        // in one transaction PostgreSQL refuses the new value (55P04); on production V1 commits before V2 runs
        assertEquals(ExitCode.OK, result.exitCode(), () -> failure(result));
        assertEquals(List.of("1 passed", "2 not-run"), rehearsals(result));
        assertEquals(List.of("1 applied", "2 applied"), statuses(result));
        assertTrue(result.report().warnings().stream().anyMatch(w -> w.contains("V2 and the migrations after it were not rehearsed")),
                result.report().warnings()::toString);
        assertEquals("frozen", pair.productionServer.queryString(pair.production, "SELECT state::text FROM accounts WHERE id = 3"));
    }

    @Test
    void aTwinOnANewerMajorVersionRehearsesThereAndTheRunSaysSo() {
        ReverseTwinFixtures.Pair pair = new ReverseTwinFixtures.Pair(io.neontwin.testing.PostgresServers.get(15),
                io.neontwin.testing.PostgresServers.get(17, "twin"), folder)
                .write("V1__add_note.sql", "ALTER TABLE accounts ADD COLUMN note text;");

        ReverseTwinResult result = pair.run();

        assertEquals(ExitCode.OK, result.exitCode(), () -> failure(result));
        assertEquals(List.of("1 passed"), rehearsals(result));
        assertEquals(15, result.report().production().major());
        assertEquals(17, result.report().twin().major());
        assertTrue(result.report().warnings().stream().anyMatch(w -> w.startsWith("the twin runs PostgreSQL 17 and production 15")),
                result.report().warnings()::toString);
    }

    @Test
    void migrationsProductionGotAfterTheTwinWasCopiedAreRehearsedBeforeThePendingOnes() {
        ReverseTwinFixtures.Pair pair = ReverseTwinFixtures.pair(folder)
                .write("V1__create_orders.sql", "CREATE TABLE orders (id int PRIMARY KEY);");
        assertEquals(ExitCode.OK, pair.run().exitCode());
        pair.copyHistoryToTwin("CREATE TABLE orders (id int PRIMARY KEY)"); // last night's copy: V1 and its history
        pair.write("V2__add_total.sql", "ALTER TABLE orders ADD COLUMN total numeric;");
        assertEquals(ExitCode.OK, pair.run().exitCode()); // production has V2; the twin does not until its next refresh
        pair.write("V3__total_not_null.sql", "UPDATE orders SET total = 0 WHERE total IS NULL;\nALTER TABLE orders ALTER COLUMN total SET NOT NULL;");

        ReverseTwinResult result = pair.run();

        assertEquals(ExitCode.OK, result.exitCode(), () -> failure(result));
        assertEquals(List.of("3"), versions(result));
        assertEquals(List.of("3 passed"), rehearsals(result));
        assertTrue(pair.infos.stream().anyMatch(line -> line.startsWith("rehearsing V2 (V2__add_total.sql) first")), pair.infos::toString);
        assertEquals(List.of("1 true", "2 true", "3 true"), pair.history());
        assertEquals(0, pair.twinServer.queryLong(pair.twin,
                "SELECT count(*) FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'total'"));
    }

    @Test
    void aBaselineRecordsTheMigrationsProductionAlreadyHasWithoutRunningThem() {
        ReverseTwinFixtures.Pair pair = ReverseTwinFixtures.pair(folder)
                // production and its twin got V1 and V2 from another tool, which kept no history neon-twin can read
                .write("V1__create_orders.sql", "CREATE TABLE orders (id int PRIMARY KEY);")
                .write("V2__add_total.sql", "ALTER TABLE orders ADD COLUMN total numeric;")
                .write("V3__index_total.sql", "CREATE INDEX orders_total_idx ON orders (total);");
        pair.both("CREATE TABLE orders (id int PRIMARY KEY)", "ALTER TABLE orders ADD COLUMN total numeric");

        ReverseTwinResult dryRun = pair.run(ReverseTwinFixtures.withBaseline(pair.options().withDryRun(true), "2"));
        assertEquals(ExitCode.OK, dryRun.exitCode(), () -> failure(dryRun));
        assertEquals(List.of("3"), versions(dryRun));
        assertFalse(pair.historyExists(), "a dry run records no baseline");

        ReverseTwinResult result = pair.run(ReverseTwinFixtures.withBaseline(pair.options(), "2"));

        assertEquals(ExitCode.OK, result.exitCode(), () -> failure(result));
        assertEquals(List.of("3 applied"), statuses(result));
        assertEquals(List.of("1 true", "2 true", "3 true"), pair.history());
        assertEquals(List.of("1 << baseline >> create orders 0", "2 << baseline >> add total 0", "3 index total"),
                ReverseTwinFixtures.rows(pair.productionServer, pair.production, "SELECT version || ' ' || description"
                        + " || CASE WHEN version = '3' THEN '' ELSE ' ' || execution_ms END FROM " + ReverseTwinFixtures.HISTORY
                        + " ORDER BY version"));
        assertTrue(pair.onProduction("orders_total_idx"));

        ReverseTwinResult later = pair.run(ReverseTwinFixtures.withBaseline(pair.options(), "2"));
        assertEquals(ExitCode.OK, later.exitCode(), () -> failure(later));
        assertTrue(later.report().warnings().stream().anyMatch(w -> w.contains("--baseline-version 2 is ignored")),
                () -> later.report().warnings().toString());
        assertNull(later.report().failure());
    }
}
