package io.neontwin.reversetwin;

import io.neontwin.connection.Connector;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.report.Failure;
import io.neontwin.report.Hazard;
import io.neontwin.report.MigrationError;
import io.neontwin.report.MigrationReport;
import io.neontwin.report.MigrationStatus;
import io.neontwin.report.Outcome;
import io.neontwin.report.RehearsalOutcome;
import io.neontwin.report.ReverseTwinReport;
import io.neontwin.report.StatementTiming;
import io.neontwin.report.ToolVersion;
import io.neontwin.secrets.Secrets;
import io.neontwin.run.CleanupStack;
import io.neontwin.run.FailureClassifier;
import io.neontwin.run.Phase;
import io.neontwin.run.RehearsalBranches;
import io.neontwin.run.PhaseClock;
import io.neontwin.run.Rounding;
import io.neontwin.run.RunListener;
import io.neontwin.run.WarningCollector;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Carries schema changes proven on the twin to production: reads the migrations folder, compares it with
 * production's history, plans and rehearses the pending migrations on the twin, then applies them to production
 * in order, once each, recorded, under lock and statement timeouts. Knows nothing of GitHub or Slack.
 */
public final class ReverseTwinEngine {
    private final ReverseTwinOptions options;
    /** A lost connection is the connection code (run again); nothing is said of production, the sentence is shorter. */
    private static final FailureClassifier FAILURES = new FailureClassifier(ExitCode.CONNECTION, ExitCode.MIGRATION_FAILED, null);

    private final WarningCollector listener;
    private final PhaseClock phases;
    private final Connector connector;
    private final Connector.Sleeper sleeper;

    // what the run learnt, for the report, whichever phase it stopped in
    private Preflight.Context context;
    private MigrationPlan plan;
    private final List<Hazard> hazards = new ArrayList<>();
    private final Map<MigrationVersion, Double> rehearsed = new LinkedHashMap<>();
    /** Each statement's time, by migration, when rehearsed on a branch (committed); empty otherwise. */
    private final Map<MigrationVersion, List<StatementTiming>> statementTimes = new LinkedHashMap<>();
    private MigrationVersion rehearsalFailed;
    private Applier applier;
    private MigrationLock lock;

    public ReverseTwinEngine(ReverseTwinOptions options, RunListener listener) {
        this(options, listener, Connector.tellingRetriesTo(listener::connectionRetry), duration -> Thread.sleep(duration.toMillis()));
    }

    /** @param sleeper how the run pauses between lock retries (tests pass one that does not wait) */
    ReverseTwinEngine(ReverseTwinOptions options, RunListener listener, Connector connector, Connector.Sleeper sleeper) {
        this.options = options;
        this.listener = new WarningCollector(listener);
        this.phases = new PhaseClock(this.listener);
        this.connector = connector;
        this.sleeper = sleeper;
    }

    /** Never throws for a user-caused problem: the result's report and exit code say what happened. */
    public ReverseTwinResult run() {
        Instant started = Instant.now();
        CleanupStack cleanup = new CleanupStack();
        try {
            phases.start(Phase.PREFLIGHT);
            context = new Preflight(options, connector, listener).run(cleanup);
            phases.finish();

            phases.start(Phase.PLAN);
            lock = MigrationLock.take(connector, options);
            MigrationHistory history = new MigrationHistory(context.historyTable(), context.format());
            plan = MigrationPlan.of(context.migrations(), history.read(context.production(), options.production()),
                    context.historyTable().display(), options.baselineVersion(), options.outOfOrder());
            plan.warnings().forEach(listener::warning);
            plan.pending().forEach(this::detectHazards);
            printPlan();
            phases.finish();

            if (!plan.pending().isEmpty()) {
                phases.start(Phase.REHEARSAL);
                rehearse(history);
                phases.finish();
            }
            cleanup.close();
            if (options.dryRun()) {
                listener.info("dry run: production was not changed");
                return result(started, Outcome.PLANNED, ExitCode.OK, null);
            }
            if (!plan.pending().isEmpty() || !plan.baselined().isEmpty()) {
                phases.start(Phase.APPLY);
                applier = new Applier(connector, options, history, listener, sleeper);
                applier.apply(lock.session(), context.migrations(), plan);
                phases.finish();
                listener.info("applied to production: " + (applier.applied().isEmpty() ? "none"
                        : Applier.versions(plan.pending().stream().filter(m -> applier.applied().containsKey(m.version())).toList())));
            }
            return result(started, Outcome.SUCCEEDED, ExitCode.OK, null);
        } catch (UserError error) {
            return result(started, Outcome.FAILED, error.exitCode(), error);
        } catch (SQLException | RuntimeException unexpected) {
            UserError error = FAILURES.explain(unexpected, phases.current(), null);
            return result(started, Outcome.FAILED, error.exitCode(), error);
        } finally {
            if (lock != null) {
                cleanup.push(lock);
            }
            cleanup.close();
        }
    }

    /**
     * The twin is a copy of production from its last refresh: its own copy of the history says what it has. Every
     * migration it lacks is rehearsed, in order: first those production got since the copy, then the pending ones.
     */
    private void rehearse(MigrationHistory history) throws SQLException {
        Set<MigrationVersion> twinHas = new HashSet<>();
        List<MigrationHistory.Row> twinRows = history.read(context.twin(), options.twin());
        for (MigrationHistory.Row row : twinRows) {
            if (row.success()) {
                twinHas.add(row.version());
            }
        }
        MigrationHistory.baselineOf(twinRows).ifPresent(baseline -> context.migrations().stream()
                .filter(m -> m.version().compareTo(baseline) <= 0).forEach(m -> twinHas.add(m.version())));
        plan.baselined().forEach(m -> twinHas.add(m.version()));
        Set<MigrationVersion> pending = new HashSet<>();
        plan.pending().forEach(m -> pending.add(m.version()));
        for (Migration migration : plan.pending()) {
            if (twinHas.contains(migration.version())) {
                throw new UserError(ExitCode.MIGRATION_FAILED, "V" + migration.version() + " (" + migration.file() + ") is recorded "
                        + "in the twin's history but not in production's: the twin is not a copy of this production as it is "
                        + "now, so V" + migration.version() + " cannot be rehearsed on it; production was not touched: refresh the "
                        + "twin from production and run again.");
            }
        }
        List<Migration> toRehearse = context.migrations().stream().filter(m -> !twinHas.contains(m.version())).toList();
        if (options.rehearsalBranches() != null) {
            rehearseOnBranch(toRehearse, pending);
            return;
        }
        try {
            new Rehearsal(context.twin(), options, listener).run(toRehearse, pending, rehearsed);
        } catch (MigrationFailed failed) {
            rehearsalFailed = failed.version();
            throw failed;
        } catch (Rehearsal.CutShort cutShort) {
            listener.warning(cutShort.getMessage());
            return;
        }
        listener.info("rehearsal passed on the twin (" + toRehearse.size() + " migration(s), rolled back: the twin is unchanged)");
    }

    /**
     * On a throwaway branch of the twin, every migration commits exactly as it will on production; the branch is
     * deleted at the end whatever happened (and expires by itself should the delete not get through).
     */
    private void rehearseOnBranch(List<Migration> toRehearse, Set<MigrationVersion> pending) throws SQLException {
        RehearsalBranches.RehearsalBranch branch = options.rehearsalBranches().create(options.twin());
        listener.info("rehearsing on " + branch.name() + ", a branch of the twin: each migration commits there as it will on production");
        try (Connection connection = connector.open(branch.connection().withParameter("application_name", Applier.APPLICATION_NAME))) {
            Rehearsal rehearsal = Rehearsal.committedOn(connection, branch.name(), options, listener);
            try {
                rehearsal.run(toRehearse, pending, rehearsed);
            } finally {
                statementTimes.putAll(rehearsal.statementTimes());
            }
        } catch (MigrationFailed failed) {
            rehearsalFailed = failed.version();
            throw failed;
        } catch (Rehearsal.CutShort impossible) {
            throw new IllegalStateException("a committed rehearsal is never cut short", impossible);
        } finally {
            delete(branch);
        }
        listener.info("rehearsal passed on " + branch.name() + " (" + toRehearse.size() + " migration(s), committed there; "
                + "the branch is deleted, the twin is unchanged)");
    }

    private void delete(RehearsalBranches.RehearsalBranch branch) {
        try {
            branch.close();
            listener.info("deleted the rehearsal branch " + branch.name());
        } catch (RuntimeException failure) {
            listener.warning("could not delete the rehearsal branch " + branch.name() + " (" + Secrets.redact(failure.getMessage())
                    + "); it expires by itself");
        }
    }

    /** Hazards are advice read from the SQL: a reader that trips on a statement costs a warning, not the run. */
    private void detectHazards(Migration migration) {
        try {
            hazards.addAll(HazardDetector.detect(migration));
        } catch (RuntimeException unreadable) {
            listener.warning("could not check " + migration.file() + " for hazards (" + unreadable.getMessage() + ")");
        }
    }

    private void printPlan() {
        String table = context.historyTable().display();
        if (!plan.baselined().isEmpty()) {
            listener.info("baseline: " + Applier.versions(plan.baselined()) + " will be recorded as applied without running "
                    + (options.dryRun() ? "(not in a dry run)" : "them"));
        }
        if (plan.pending().isEmpty()) {
            listener.info("production is up to date: " + (plan.appliedBefore() + plan.baselined().size())
                    + " migration(s) applied, none pending");
            return;
        }
        listener.info("plan: production's history (" + table + ") holds " + plan.appliedBefore() + " migration(s); "
                + plan.pending().size() + " pending:");
        for (Migration migration : plan.pending()) {
            int statements = migration.statements().size();
            listener.info("  V" + migration.version() + " " + migration.description() + " (" + migration.file() + "): "
                    + statements + (statements == 1 ? " statement, " : " statements, ")
                    + (migration.transactional() ? "in one transaction" : "outside a transaction, statement by statement"));
        }
        for (Hazard hazard : hazards) {
            listener.info("  hazard " + hazard.file() + ":" + hazard.line() + " [" + hazard.kind() + "] " + hazard.risk()
                    + (hazard.advice() == null ? "" : " " + hazard.advice()));
        }
    }

    private ReverseTwinResult result(Instant started, Outcome outcome, ExitCode exitCode, UserError error) {
        Instant finished = Instant.now();
        MigrationError failedMigration = error instanceof MigrationFailed failed ? redacted(failed.error()) : null;
        Failure failure = error == null ? null
                : new Failure(phases.current().label(), Secrets.redact(error.getMessage()), exitCode.code(), Secrets.redact(productionState()));
        ReverseTwinReport report = new ReverseTwinReport("neon-twin", ToolVersion.current(), outcome, started, finished,
                round((finished.toEpochMilli() - started.toEpochMilli()) / 1000.0),
                context == null ? null : context.productionInfo(), context == null ? null : context.twinInfo(),
                options.migrationsDir() == null ? null : options.migrationsDir().toString(),
                context == null ? options.historyTable() : context.historyTable().display(),
                plan == null ? null : plan.appliedBefore(), migrationReports(), List.copyOf(hazards), phases.timings(),
                listener.warnings(), failure, failedMigration);
        return new ReverseTwinResult(report, exitCode,
                Optional.ofNullable(error == null ? null : error.getCause() == null ? error : error.getCause()));
    }

    private List<MigrationReport> migrationReports() {
        if (plan == null) {
            return List.of();
        }
        List<MigrationReport> reports = new ArrayList<>();
        for (Migration migration : plan.pending()) {
            MigrationVersion version = migration.version();
            RehearsalOutcome rehearsal = rehearsed.containsKey(version) ? RehearsalOutcome.PASSED
                    : version.equals(rehearsalFailed) ? RehearsalOutcome.FAILED : RehearsalOutcome.NOT_RUN;
            MigrationStatus status = MigrationStatus.PENDING;
            Double applySeconds = null;
            if (applier != null) {
                if (applier.applied().containsKey(version)) {
                    status = MigrationStatus.APPLIED;
                    applySeconds = round(applier.applied().get(version));
                } else if (applier.appliedElsewhere().contains(version)) {
                    status = MigrationStatus.SKIPPED;
                } else if (applier.current() != null && applier.current().version().equals(version)) {
                    status = MigrationStatus.FAILED;
                }
            }
            reports.add(new MigrationReport(version.toString(), migration.description(), migration.file(), migration.checksum(),
                    migration.transactional(), migration.statements().size(), rehearsal,
                    rehearsed.containsKey(version) ? round(rehearsed.get(version)) : null, status, applySeconds,
                    statementTimes.get(version)));
        }
        return reports;
    }

    /** What production has now, in a sentence: renderers show it where a twin run shows the twin's state. */
    private String productionState() {
        if (applier == null) {
            return "unchanged";
        }
        List<String> parts = new ArrayList<>();
        if (!applier.baselined().isEmpty()) {
            parts.add("baseline recorded (" + Applier.versions(applier.baselined()) + ")");
        }
        List<Migration> applied = plan.pending().stream().filter(m -> applier.applied().containsKey(m.version())).toList();
        parts.add(applied.isEmpty() ? (parts.isEmpty() ? "unchanged" : "no migration applied")
                : Applier.versions(applied) + " applied by this run");
        Migration current = applier.current();
        if (current != null) {
            parts.add(applier.currentPartlyApplied()
                    ? "V" + current.version() + " partly applied (it runs outside a transaction)"
                    : current.transactional() ? "V" + current.version() + " rolled back" : "V" + current.version() + " not applied");
            List<Migration> later = plan.pending().stream().filter(m -> m.version().compareTo(current.version()) > 0).toList();
            if (!later.isEmpty()) {
                parts.add(Applier.versions(later) + " not run");
            }
        }
        return String.join("; ", parts);
    }

    private static MigrationError redacted(MigrationError error) {
        return error == null ? null : new MigrationError(error.stage(), error.version(), error.file(), error.line(),
                Secrets.redact(error.statement()), error.sqlState(), Secrets.redact(error.message()));
    }

    private static double round(double value) {
        return Rounding.millis(value);
    }
}
