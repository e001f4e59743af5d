package io.neontwin.reversetwin;

import io.neontwin.run.ServerErrors;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.report.MigrationError;
import io.neontwin.report.StatementTiming;
import io.neontwin.run.Rounding;
import io.neontwin.secrets.Secrets;
import io.neontwin.run.RunListener;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs migrations on the twin in one transaction that is always rolled back: the twin is never changed. Each
 * statement runs in its rehearsal form (CREATE INDEX CONCURRENTLY as a plain CREATE INDEX; statements that cannot
 * run in a transaction at all, like VACUUM, are skipped). The run's lock and statement timeouts apply, so a
 * migration that would wait or run too long on production shows it here first. The first failure stops it.
 */
final class Rehearsal {
    /** SQLSTATE 55P04: a value added to an enum is used before the transaction that added it commits. */
    private static final String UNSAFE_NEW_ENUM_VALUE = "55P04";
    private static final Pattern ADDS_ENUM_VALUE = Pattern.compile("(?is)^ALTER\\s+TYPE\\s.*\\sADD\\s+VALUE\\b.*");

    /**
     * The rehearsal stopped early, through no fault of the migration: PostgreSQL refuses to use an enum value before
     * the transaction that added it commits, and the rehearsal runs every migration in one transaction, while
     * production runs each in its own. The migrations from {@code version} on were not rehearsed.
     */
    static final class CutShort extends Exception {
        private final MigrationVersion version;

        CutShort(MigrationVersion version, String reason) {
            super(reason);
            this.version = version;
        }

        MigrationVersion version() {
            return version;
        }
    }

    private final Connection twin;
    private final ReverseTwinOptions options;
    private final RunListener listener;
    /** On a throwaway branch: every migration commits as on production; on the twin: one transaction, rolled back. */
    private final boolean committed;
    /** Where the rehearsal runs, as failures name it. */
    private final String where;

    Rehearsal(Connection twin, ReverseTwinOptions options, RunListener listener) {
        this(twin, options, listener, false, "the twin");
    }

    private Rehearsal(Connection twin, ReverseTwinOptions options, RunListener listener, boolean committed, String where) {
        this.twin = twin;
        this.options = options;
        this.listener = listener;
        this.committed = committed;
        this.where = where;
    }

    /** Each statement's time in a committed rehearsal, by migration; empty for the rolled-back one. */
    private final Map<MigrationVersion, List<StatementTiming>> statementTimes = new java.util.LinkedHashMap<>();

    Map<MigrationVersion, List<StatementTiming>> statementTimes() {
        return statementTimes;
    }

    /** A rehearsal on a throwaway copy of the twin: each migration commits there, exactly as it will on production. */
    static Rehearsal committedOn(Connection branch, String branchName, ReverseTwinOptions options, RunListener listener) {
        return new Rehearsal(branch, options, listener, true, "the rehearsal branch " + branchName);
    }

    /**
     * @param migrations         what the twin lacks, in version order: the pending ones, preceded by any production
     *                           got after the twin was copied
     * @param productionPending  the versions production lacks (the others are already on production)
     * @param seconds            filled with each migration's duration in seconds as it passes (kept when a later one fails)
     * @throws MigrationFailed   naming the file and line, when a statement fails
     */
    void run(List<Migration> migrations, Set<MigrationVersion> productionPending, Map<MigrationVersion, Double> seconds)
            throws SQLException, CutShort {
        if (committed) {
            runCommitted(migrations, productionPending, seconds);
            return;
        }
        boolean autoCommit = twin.getAutoCommit();
        twin.setAutoCommit(false);
        try (Statement statement = twin.createStatement()) {
            statement.setEscapeProcessing(false);
            Migration addedEnumValue = null;
            for (Migration migration : migrations) {
                boolean onProduction = !productionPending.contains(migration.version());
                if (onProduction) {
                    listener.info("rehearsing V" + migration.version() + " (" + migration.file() + ") first: production has it, "
                            + "the twin's copy does not yet");
                }
                Timeouts.startMigration(statement, options, true);
                long start = System.nanoTime();
                for (SqlStatement sql : migration.statements()) {
                    Optional<String> form = TransactionRules.rehearsalForm(sql);
                    if (form.isEmpty()) {
                        listener.info(migration.file() + ":" + sql.firstLine() + ": " + StatementExcerpt.of(sql.sql())
                                + " cannot run inside a transaction, so it is not rehearsed");
                        continue;
                    }
                    try {
                        statement.execute(form.get());
                    } catch (SQLException failure) {
                        if (UNSAFE_NEW_ENUM_VALUE.equals(failure.getSQLState()) && addedEnumValue != null) {
                            throw new CutShort(migration.version(), "the rehearsal stopped at V" + migration.version() + " ("
                                    + migration.file() + "): it uses an enum value that V" + addedEnumValue.version() + " ("
                                    + addedEnumValue.file() + ") adds, which PostgreSQL allows only once that migration has "
                                    + "committed; the rehearsal runs all migrations in one transaction, so V" + migration.version()
                                    + " and the migrations after it were not rehearsed (on production each commits on its own)");
                        }
                        throw failed(migration, sql, form.get(), failure, onProduction);
                    }
                }
                if (migration.statements().stream().anyMatch(sql -> ADDS_ENUM_VALUE.matcher(StatementExcerpt.of(sql.sql())).matches())) {
                    addedEnumValue = migration;
                }
                seconds.put(migration.version(), (System.nanoTime() - start) / 1e9);
            }
        } finally {
            rollback();
            if (autoCommit) {
                twin.setAutoCommit(true);
            }
        }
    }

    /**
     * Each migration as the applier runs it on production: a transactional one in its own transaction, committed; one
     * PostgreSQL refuses in a transaction (CREATE INDEX CONCURRENTLY, VACUUM...) statement by statement. So a value
     * added to an enum and used by a later migration, or a concurrent index build, is proven here. Each statement's
     * time is told: on a branch of the twin it is the time on production-size data.
     */
    private void runCommitted(List<Migration> migrations, Set<MigrationVersion> productionPending,
                              Map<MigrationVersion, Double> seconds) throws SQLException {
        try (Statement statement = twin.createStatement()) {
            statement.setEscapeProcessing(false);
            for (Migration migration : migrations) {
                boolean onProduction = !productionPending.contains(migration.version());
                twin.setAutoCommit(!migration.transactional());
                Timeouts.startMigration(statement, options, migration.transactional());
                long start = System.nanoTime();
                for (SqlStatement sql : migration.statements()) {
                    long statementStart = System.nanoTime();
                    try {
                        statement.execute(sql.sql());
                    } catch (SQLException failure) {
                        rollback();
                        throw failed(migration, sql, sql.sql(), failure, onProduction);
                    }
                    StatementTiming timing = new StatementTiming(sql.firstLine(), Secrets.redact(StatementExcerpt.of(sql.sql())),
                            Rounding.millis((System.nanoTime() - statementStart) / 1e9));
                    statementTimes.computeIfAbsent(migration.version(), version -> new java.util.ArrayList<>()).add(timing);
                    listener.info("  V" + migration.version() + " " + migration.file() + ":" + timing.line() + " "
                            + timing.statement() + ": " + String.format(java.util.Locale.ROOT, "%.3f s", timing.seconds()));
                }
                if (migration.transactional()) {
                    try {
                        twin.commit();
                    } catch (SQLException failure) { // a deferred constraint fails here, at the migration's last statement
                        throw failed(migration, migration.statements().getLast(), migration.statements().getLast().sql(),
                                failure, onProduction);
                    }
                }
                seconds.put(migration.version(), (System.nanoTime() - start) / 1e9);
            }
        } finally {
            twin.setAutoCommit(true);
        }
    }

    private void rollback() {
        try {
            twin.rollback();
        } catch (SQLException lost) {
            // a lost connection ends its transaction on the server: nothing was committed either way
        }
    }

    private UserError failed(Migration migration, SqlStatement statement, String sent, SQLException failure, boolean onProduction) {
        if (ServerErrors.isConnectionLoss(failure)) {
            return new UserError(ExitCode.CONNECTION, "The connection to " + where + " (" + options.twin().describe() + ") was lost "
                    + "during the rehearsal of V" + migration.version() + " (" + MigrationHistory.firstLine(failure)
                    + "); production was not touched: run again.", failure);
        }
        MigrationError error = MigrationFailed.locate("rehearsal", migration, statement, sent, failure);
        String which = "V" + migration.version() + " (" + migration.file() + ")"
                + (onProduction ? ", which production already has but the twin's copy lacks," : "");
        String why = ServerErrors.isLockTimeout(failure) ? "waited longer than lock-timeout (" + Timeouts.describe(options.lockTimeout())
                + ") for a lock other sessions on " + where + " hold"
                : ServerErrors.isStatementTimeout(failure) ? "ran longer than statement-timeout ("
                + Timeouts.describe(options.statementTimeout()) + "), or was cancelled"
                : error.message();
        String fix = onProduction ? "refresh the twin from production and run again"
                : ServerErrors.isStatementTimeout(failure)
                ? "make the migration faster or raise --statement-timeout (input statement-timeout), and run again"
                : "fix the migration and run again";
        return new MigrationFailed(ExitCode.MIGRATION_FAILED, which + " failed in its rehearsal on " + where + " at " + error.file()
                + ":" + error.line() + ": " + why + "; production was not touched: " + fix + ".", error, migration.version(), failure);
    }
}
