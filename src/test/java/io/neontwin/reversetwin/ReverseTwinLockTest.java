package io.neontwin.reversetwin;

import io.neontwin.errors.ExitCode;
import io.neontwin.report.MigrationError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static io.neontwin.reversetwin.ReverseTwinFixtures.failure;
import static io.neontwin.reversetwin.ReverseTwinFixtures.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Production's other sessions come first: a migration gives up waiting for their locks, and tries again later. */
class ReverseTwinLockTest {
    private static final String ADD_NOTE = "ALTER TABLE accounts ADD COLUMN note text;";

    @TempDir
    Path folder;

    private static boolean hasNote(ReverseTwinFixtures.Pair pair) {
        return pair.productionServer.queryLong(pair.production,
                "SELECT count(*) FROM information_schema.columns WHERE table_name = 'accounts' AND column_name = 'note'") == 1;
    }

    @Test
    void aMigrationBlockedByAnotherSessionsLockIsRolledBackAndRetriedUntilTheLockIsReleased() throws Exception {
        ReverseTwinFixtures.Pair pair = ReverseTwinFixtures.pair(folder).write("V1__add_note.sql", ADD_NOTE);
        try (Connection reader = pair.productionServer.connect(pair.production); Statement statement = reader.createStatement()) {
            reader.setAutoCommit(false);
            statement.execute("LOCK TABLE accounts IN ACCESS SHARE MODE"); // a long report reading accounts
            pair.sleeper = pause -> {
                pair.sleeps.add(pause);
                if (pair.sleeps.size() == 2) {
                    try {
                        reader.commit(); // the report ends while the run waits after its first retry
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };

            ReverseTwinResult result = pair.run(ReverseTwinFixtures.withLocks(pair.options(), Duration.ofMillis(200), 3));

            assertEquals(ExitCode.OK, result.exitCode(), () -> failure(result));
            assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), pair.sleeps, "two waits, growing");
            assertEquals(2, pair.infos.stream().filter(line -> line.contains("waited longer than lock-timeout (200 ms)")).count(),
                    pair.infos::toString);
            assertEquals(List.of("1 applied"), statuses(result));
            assertEquals(List.of("1 true"), pair.history());
            assertTrue(hasNote(pair));
        }
    }

    @Test
    void aLockNeverReleasedFailsAfterEveryRetryWithTheLockTimeoutsSqlState() throws Exception {
        ReverseTwinFixtures.Pair pair = ReverseTwinFixtures.pair(folder)
                .write("V1__create_audit.sql", "CREATE TABLE audit (id int);")
                .write("V2__add_note.sql", "SELECT 1;\n" + ADD_NOTE);
        try (Connection reader = pair.productionServer.connect(pair.production); Statement statement = reader.createStatement()) {
            reader.setAutoCommit(false);
            statement.execute("LOCK TABLE accounts IN ACCESS SHARE MODE");

            ReverseTwinResult result = pair.run(ReverseTwinFixtures.withLocks(pair.options(), Duration.ofMillis(200), 3));

            assertEquals(ExitCode.MIGRATION_FAILED, result.exitCode());
            assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), pair.sleeps);
            MigrationError error = result.report().failedMigration();
            assertEquals("55P03", error.sqlState());
            assertEquals("apply", error.stage());
            assertEquals("V2__add_note.sql", error.file());
            assertEquals(2, error.line());
            String message = result.report().failure().message();
            assertTrue(message.contains("stayed locked by other sessions for longer than lock-timeout (200 ms) on every one of 4 tries"),
                    message);
            assertEquals(List.of("1 applied", "2 failed"), statuses(result));
            assertEquals(List.of("1 true"), pair.history());
            assertFalse(hasNote(pair));
        }
    }

    @Test
    void aRunFindingAnotherRunsMigrationLockOnProductionStopsWithBusyAndChangesNothing() throws Exception {
        ReverseTwinFixtures.Pair pair = ReverseTwinFixtures.pair(folder).write("V1__add_note.sql", ADD_NOTE);
        try (Connection otherRun = pair.productionServer.connect(pair.production);
             PreparedStatement lock = otherRun.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, Applier.LOCK_KEY);
            lock.execute();

            ReverseTwinResult result = pair.run();

            assertEquals(ExitCode.BUSY, result.exitCode());
            assertEquals("plan", result.report().failure().phase(), "the lock is taken before the plan and the rehearsal");
            assertTrue(result.report().failure().message().startsWith("Another reverse-twin run is applying migrations to production"),
                    failure(result));
            assertEquals("unchanged", result.report().failure().twinState());
            assertEquals(List.of(), statuses(result), "it stopped before planning: the other run's plan is the one that counts");
            assertFalse(pair.historyExists());
            assertFalse(hasNote(pair));
        }
        assertEquals(ExitCode.OK, pair.run().exitCode(), "the lock is free once the other run ends");
        assertTrue(hasNote(pair));
    }

    @Test
    void aRunStartedWhileAnotherRehearsesStopsWithBusyBeforeItsOwnRehearsal() throws Exception {
        // The other run holds production's migration lock and, rehearsing, a lock on the twin's table.
        ReverseTwinFixtures.Pair pair = ReverseTwinFixtures.pair(folder).write("V1__add_note.sql", ADD_NOTE);
        try (Connection otherRun = pair.productionServer.connect(pair.production);
             PreparedStatement lock = otherRun.prepareStatement("SELECT pg_advisory_lock(?)");
             Connection otherRehearsal = pair.twinServer.connect(pair.twin);
             Statement twinLock = otherRehearsal.createStatement()) {
            lock.setLong(1, Applier.LOCK_KEY);
            lock.execute();
            otherRehearsal.setAutoCommit(false);
            twinLock.execute("LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE");

            ReverseTwinResult result = pair.run(ReverseTwinFixtures.withLocks(pair.options(), Duration.ofMillis(200), 0));

            assertEquals(ExitCode.BUSY, result.exitCode(), () -> failure(result));
            assertEquals("plan", result.report().failure().phase());
            assertTrue(result.report().failure().message().startsWith("Another reverse-twin run is applying migrations to production"),
                    failure(result));
            assertFalse(result.report().failure().message().contains("refresh the twin"), failure(result));
            otherRehearsal.rollback();
        }
    }

    @Test
    void ofTwoStaggeredRunsOnlyTheOneThatAppliedAMigrationReportsItApplied() {
        ReverseTwinFixtures.Pair pair = ReverseTwinFixtures.pair(folder).write("V1__add_note.sql", ADD_NOTE);
        java.util.concurrent.atomic.AtomicReference<ReverseTwinResult> second = new java.util.concurrent.atomic.AtomicReference<>();
        pair.onPhaseStarted = phase -> {
            if (phase.equals("rehearsal") && second.get() == null) {
                second.set(new ReverseTwinResult(null, ExitCode.INTERNAL, java.util.Optional.empty())); // started once only
                second.set(pair.run());
            }
        };

        ReverseTwinResult first = pair.run();

        assertTrue(hasNote(pair));
        assertEquals(1, first.report().appliedCount() + second.get().report().appliedCount(),
                () -> "first: " + statuses(first) + " " + first.exitCode() + ", second: " + statuses(second.get()) + " "
                        + second.get().exitCode());
        assertEquals(List.of("1 true"), ReverseTwinFixtures.rows(pair.productionServer, pair.production,
                "SELECT version || ' ' || success FROM " + ReverseTwinFixtures.HISTORY));
    }
}
