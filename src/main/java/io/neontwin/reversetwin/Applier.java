package io.neontwin.reversetwin;

import io.neontwin.run.ServerErrors;
import io.neontwin.connection.ConnectionSpec;
import io.neontwin.connection.Connector;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.report.MigrationError;
import io.neontwin.run.RunListener;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies the pending migrations to production, in version order, each once, on one session that holds production's
 * migration lock (a session-level advisory lock) so two runs never interleave. A transactional migration runs in one
 * transaction together with its history row: both commit, or neither. A migration PostgreSQL refuses in a transaction
 * (CREATE INDEX CONCURRENTLY...) runs statement by statement; if it fails after some statements ran, it is recorded
 * as failed and later runs refuse to go on until someone finishes or undoes it. A migration that gave up waiting for a
 * lock (lock_timeout) is rolled back and tried again after a pause, up to --lock-retries more times.
 */
final class Applier {
    static final String APPLICATION_NAME = "neon-twin reverse-twin";
    static final long LOCK_KEY = MigrationLock.KEY;

    private final Connector connector;
    private final ReverseTwinOptions options;
    private final MigrationHistory history;
    private final RunListener listener;
    private final Connector.Sleeper sleeper;

    private final Map<MigrationVersion, Double> applied = new LinkedHashMap<>();
    private final Set<MigrationVersion> appliedElsewhere = new HashSet<>();
    private final List<Migration> baselined = new ArrayList<>();
    private Migration current;
    private boolean currentPartlyApplied;

    Applier(Connector connector, ReverseTwinOptions options, MigrationHistory history, RunListener listener,
            Connector.Sleeper sleeper) {
        this.connector = connector;
        this.options = options;
        this.history = history;
        this.listener = listener;
        this.sleeper = sleeper;
    }

    /** Seconds each migration took on production, by version, for those this run applied. */
    Map<MigrationVersion, Double> applied() {
        return applied;
    }

    /** Pending at the plan, but found applied when applying: a migrator that ignores the lock applied them meanwhile. */
    Set<MigrationVersion> appliedElsewhere() {
        return appliedElsewhere;
    }

    List<Migration> baselined() {
        return baselined;
    }

    /** The migration being applied when the run stopped; null when none was. */
    Migration current() {
        return current;
    }

    /** Whether the migration that failed ran outside a transaction and left some of its statements applied. */
    boolean currentPartlyApplied() {
        return currentPartlyApplied;
    }

    /** @param session production's session that holds the migration lock ({@link MigrationLock}) */
    void apply(Connection session, List<Migration> files, MigrationPlan plan) throws SQLException {
        ConnectionSpec spec = options.production();
        // The lock was taken before the plan, so only a migrator that ignores it (another tool) can have applied some
        // since: the history read now is what counts, and those are reported as skipped, not as applied by this run.
        MigrationPlan now = MigrationPlan.of(files, history.read(session, spec), history.table().display(),
                options.baselineVersion(), options.outOfOrder());
        Set<MigrationVersion> stillPending = new HashSet<>();
        now.pending().forEach(m -> stillPending.add(m.version()));
        history.create(session, spec);
        checkMayRecord(session, spec);
        recordBaseline(session, now.baselined());
        for (Migration migration : plan.pending()) {
            if (!stillPending.contains(migration.version())) {
                appliedElsewhere.add(migration.version());
                listener.warning("V" + migration.version() + " (" + migration.file() + ") was applied to production by "
                        + "someone else while this run rehearsed; skipped");
                continue;
            }
            current = migration;
            listener.info("applying V" + migration.version() + " (" + migration.file() + ")"
                    + (migration.transactional() ? "" : " outside a transaction, statement by statement"));
            double seconds = migration.transactional() ? inTransaction(session, migration) : statementByStatement(session, migration);
            applied.put(migration.version(), seconds);
            current = null;
        }
    }

    /** Before any migration runs: a migration applied but not recorded would run again next time. */
    private void checkMayRecord(Connection session, ConnectionSpec spec) throws SQLException {
        try (PreparedStatement statement = session.prepareStatement("SELECT has_table_privilege(?, 'INSERT')")) {
            statement.setString(1, history.table().qualified());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                if (!row.getBoolean(1)) {
                    throw new UserError(ExitCode.PRIVILEGE, spec.inputName() + ": role '" + spec.user() + "' may not write the history "
                            + "table " + history.table().display() + ", so applied migrations could not be recorded; production was not "
                            + "changed: grant it: GRANT SELECT, INSERT ON " + history.table().qualified() + " TO " + spec.user() + ".");
                }
            }
        }
    }

    private void recordBaseline(Connection session, List<Migration> migrations) throws SQLException {
        if (migrations.isEmpty()) {
            return;
        }
        session.setAutoCommit(false);
        try {
            for (Migration migration : migrations) {
                history.record(session, migration, MigrationHistory.BASELINE_MARK + migration.description(), 0, true);
            }
            session.commit();
        } catch (SQLException failure) {
            rollbackQuietly(session);
            throw failure;
        } finally {
            autoCommitQuietly(session);
        }
        baselined.addAll(migrations);
        listener.info("baseline: recorded " + versions(migrations) + " as applied without running them");
    }

    private double inTransaction(Connection session, Migration migration) throws SQLException {
        int tries = options.lockRetries() + 1;
        for (int attempt = 1; ; attempt++) {
            SqlStatement running = null;
            session.setAutoCommit(false);
            try (Statement statement = session.createStatement()) {
                statement.setEscapeProcessing(false);
                Timeouts.startMigration(statement, options, false);
                long start = System.nanoTime();
                for (SqlStatement sql : migration.statements()) {
                    running = sql;
                    statement.execute(sql.sql());
                }
                running = null;
                long nanos = System.nanoTime() - start;
                try {
                    history.record(session, migration, migration.description(), nanos / 1_000_000, true);
                } catch (SQLException failure) {
                    throw new RecordingFailed(failure);
                }
                session.commit(); // a deferred constraint fails here: the migration's failure, at its last statement
                return nanos / 1e9;
            } catch (RecordingFailed recording) {
                rollbackQuietly(session);
                throw recordingFailed(migration, recording.failure);
            } catch (SQLException failure) {
                rollbackQuietly(session);
                if (ServerErrors.isConnectionLoss(failure)) {
                    throw connectionLost(migration, failure, true);
                }
                if (ServerErrors.isLockTimeout(failure) && attempt < tries) {
                    Duration pause = Duration.ofSeconds(1L << Math.min(attempt - 1, 6));
                    listener.info("V" + migration.version() + " waited longer than lock-timeout (" + Timeouts.describe(options.lockTimeout())
                            + ") for a lock at " + migration.file() + ":" + running.firstLine() + "; rolled back, trying again in "
                            + pause.toSeconds() + " s (retry " + attempt + " of " + options.lockRetries() + ")");
                    pause(pause);
                    continue;
                }
                throw failedInTransaction(migration, running, failure, tries);
            } finally {
                autoCommitQuietly(session);
            }
        }
    }

    private double statementByStatement(Connection session, Migration migration) throws SQLException {
        int done = 0;
        long start;
        try (Statement statement = session.createStatement()) {
            statement.setEscapeProcessing(false);
            Timeouts.startMigration(statement, options, false);
            start = System.nanoTime();
            for (SqlStatement sql : migration.statements()) {
                try {
                    statement.execute(sql.sql());
                } catch (SQLException failure) {
                    currentPartlyApplied = done > 0;
                    if (ServerErrors.isConnectionLoss(failure)) {
                        throw connectionLost(migration, failure, false);
                    }
                    boolean recorded = done > 0 && recordFailure(session, migration, (System.nanoTime() - start) / 1_000_000);
                    throw failedOutsideTransaction(migration, sql, failure, done, recorded);
                }
                done++;
            }
        }
        long nanos = System.nanoTime() - start;
        try {
            history.record(session, migration, migration.description(), nanos / 1_000_000, true);
        } catch (SQLException failure) {
            currentPartlyApplied = true;
            throw recordingFailed(migration, failure);
        }
        return nanos / 1e9;
    }

    private boolean recordFailure(Connection session, Migration migration, long executionMs) {
        try {
            history.record(session, migration, migration.description(), executionMs, false);
            return true;
        } catch (SQLException failure) {
            listener.warning("could not record V" + migration.version() + " as failed in " + history.table().display() + ": "
                    + MigrationHistory.firstLine(failure));
            return false;
        }
    }

    private UserError failedInTransaction(Migration migration, SqlStatement running, SQLException failure, int tries) {
        SqlStatement at = running == null ? last(migration) : running;
        MigrationError error = MigrationFailed.locate("apply", migration, at, at.sql(), failure);
        String which = "V" + migration.version() + " (" + migration.file() + ")";
        String where = error.file() + ":" + error.line();
        String sentence;
        if (ServerErrors.isLockTimeout(failure)) {
            sentence = which + " could not get its locks on production: at " + where + " the table stayed locked by other sessions "
                    + "for longer than lock-timeout (" + Timeouts.describe(options.lockTimeout()) + ") on every one of " + tries
                    + " tries; it was rolled back each time: run again when production is quieter, or raise --lock-timeout "
                    + "(input lock-timeout) or --lock-retries (input lock-retries).";
        } else if (ServerErrors.isStatementTimeout(failure)) {
            sentence = which + " was cancelled on production at " + where + ": it ran longer than statement-timeout ("
                    + Timeouts.describe(options.statementTimeout()) + ") or was cancelled by someone; it was rolled back: raise "
                    + "--statement-timeout (input statement-timeout) or make the migration faster, and run again.";
        } else {
            sentence = which + " failed on production at " + where + ": " + error.message() + "; it was rolled back, so "
                    + "production does not have it (earlier migrations stay applied): fix the migration, or production's data, "
                    + "and run again.";
        }
        return new MigrationFailed(ExitCode.MIGRATION_FAILED, sentence, error, migration.version(), failure);
    }

    private UserError failedOutsideTransaction(Migration migration, SqlStatement sql, SQLException failure, int done, boolean recorded) {
        MigrationError error = MigrationFailed.locate("apply", migration, sql, sql.sql(), failure);
        String which = "V" + migration.version() + " (" + migration.file() + ")";
        String why = ServerErrors.isLockTimeout(failure) ? "it waited longer than lock-timeout (" + Timeouts.describe(options.lockTimeout())
                + ") for a lock other sessions hold"
                : ServerErrors.isStatementTimeout(failure) ? "it ran longer than statement-timeout (" + Timeouts.describe(options.statementTimeout())
                + ") or was cancelled" : error.message();
        String invalidIndex = StatementKind.of(sql) == StatementKind.CONCURRENT_INDEX
                ? " (a failed concurrent index build can leave an INVALID index behind: check pg_index.indisvalid and drop it first)" : "";
        String sentence;
        if (done == 0) {
            sentence = which + " failed on production at " + error.file() + ":" + error.line() + ": " + why + "; it runs outside a "
                    + "transaction and its first statement failed, so none of it is applied" + invalidIndex
                    + ": fix the migration, or production, and run again.";
        } else {
            sentence = which + " failed on production at " + error.file() + ":" + error.line() + ": " + why + "; it runs outside a "
                    + "transaction, so its first " + done + " statement(s) stay applied" + invalidIndex
                    + (recorded ? " and it is recorded as failed in " + history.table().display() : "")
                    + ": finish or undo it by hand on production, "
                    + (recorded ? "delete its history row, " : "") + "and run again.";
        }
        return new MigrationFailed(ExitCode.MIGRATION_FAILED, sentence, error, migration.version(), failure);
    }

    private UserError recordingFailed(Migration migration, SQLException failure) {
        String applied = migration.transactional() ? "it was rolled back with it, so production does not have it"
                : "its statements ran and stay applied, but it is not recorded: record it by hand before the next run";
        if ("42501".equals(failure.getSQLState())) {
            return new UserError(ExitCode.PRIVILEGE, options.production().inputName() + ": role '" + options.production().user()
                    + "' may not write the history table " + history.table().display() + " (" + MigrationHistory.firstLine(failure)
                    + ") to record V" + migration.version() + "; " + applied + ": grant it: GRANT SELECT, INSERT ON "
                    + history.table().qualified() + " TO " + options.production().user() + ".", failure);
        }
        if (ServerErrors.isConnectionLoss(failure)) {
            return connectionLost(migration, failure, migration.transactional());
        }
        return new UserError(ExitCode.MIGRATION_FAILED, "Recording V" + migration.version() + " (" + migration.file() + ") in "
                + history.table().display() + " failed (" + MigrationHistory.firstLine(failure) + "); " + applied + ".", failure);
    }

    private UserError connectionLost(Migration migration, SQLException failure, boolean transactional) {
        String state = transactional ? "the server rolled back V" + migration.version() + "'s open transaction (if the loss came "
                + "while committing, check " + history.table().display() + " for its row)"
                : "V" + migration.version() + " runs outside a transaction: check which of its statements took effect";
        return new UserError(ExitCode.CONNECTION, "The connection to production (" + options.production().describe()
                + ") was lost while applying V" + migration.version() + " (" + migration.file() + "): "
                + MigrationHistory.firstLine(failure) + "; " + state + "; migrations before it stay applied: run again.", failure);
    }

    private void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new UserError(ExitCode.MIGRATION_FAILED, "Interrupted while waiting to retry V" + current.version()
                    + "; it was rolled back.", interrupted);
        }
    }

    private static SqlStatement last(Migration migration) {
        return migration.statements().isEmpty() ? new SqlStatement("", 1, 0)
                : migration.statements().get(migration.statements().size() - 1);
    }

    private static void rollbackQuietly(Connection session) {
        try {
            session.rollback();
        } catch (SQLException lost) {
            // a lost session's transaction is rolled back by the server
        }
    }

    private static void autoCommitQuietly(Connection session) {
        try {
            session.setAutoCommit(true);
        } catch (SQLException lost) {
            // the session is gone; the next statement says so
        }
    }

    static String versions(List<Migration> migrations) {
        return String.join(", ", migrations.stream().map(m -> "V" + m.version()).toList());
    }

    /** The history insert or the COMMIT failed, not a migration's statement. */
    private static final class RecordingFailed extends Exception {
        private final SQLException failure;

        RecordingFailed(SQLException failure) {
            super(failure);
            this.failure = failure;
        }
    }
}
