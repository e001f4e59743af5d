package io.neontwin.twin;

import io.neontwin.run.TwinMarker;
import io.neontwin.report.ToolVersion;
import io.neontwin.connection.Connector;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.report.DatabaseInfo;
import io.neontwin.report.Failure;
import io.neontwin.report.Outcome;
import io.neontwin.report.TableReport;
import io.neontwin.report.Totals;
import io.neontwin.report.TwinReport;
import io.neontwin.report.Verification;
import io.neontwin.secrets.Secrets;
import io.neontwin.run.CleanupStack;
import io.neontwin.run.Phase;
import io.neontwin.run.PhaseClock;
import io.neontwin.run.Rounding;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Copies production into the twin: preflight, schema (pre-data), data over parallel COPY streams from one snapshot,
 * post-data (indexes, constraints, triggers) in parallel, sequences, materialized views, ANALYZE, verification, and
 * the swap that puts the new twin in place of the previous one. Knows nothing of GitHub, Slack or the terminal: it
 * tells a {@link ProgressListener} what happens and returns a report.
 */
public final class TwinEngine {
    private final TwinOptions options;
    private final TwinWarningCollector listener;
    private final PhaseClock phases;
    private final Connector connector;

    public TwinEngine(TwinOptions options, ProgressListener listener) {
        this(options, listener, Connector.tellingRetriesTo(listener::connectionRetry));
    }

    TwinEngine(TwinOptions options, ProgressListener listener, Connector connector) {
        this.options = options;
        this.listener = new TwinWarningCollector(listener);
        this.phases = new PhaseClock(this.listener);
        this.connector = connector;
    }

    /**
     * The run as a flat list of steps: preflight makes the whole plan; every later step runs its part of it, on the
     * staging database, and only the swap makes it the twin.
     */
    public TwinResult run() {
        Instant started = Instant.now();
        Preflight.Context context = null;
        boolean stagingCreated = false;
        try (CleanupStack cleanup = new CleanupStack(); WorkFolder work = WorkFolder.create()) {
            try {
                phases.start(Phase.PREFLIGHT);
                context = new Preflight(options, connector, listener, work).run(cleanup);
                context.plan().warnings().forEach(listener::warning);
                phases.finish();
                listener.planReady(context.plan());
                if (options.dryRun()) {
                    return result(started, Outcome.PLANNED, context, null, null, null, ExitCode.OK, null, null);
                }
                ExecutionPlan plan = context.execution();
                StagedTarget target = context.target();
                target.dropLeftovers(listener::info);
                target.createStaging(context.productionServer(), marker(context, "building"), listener::warning);
                stagingCreated = true;
                Supplier<Connection> staging = () -> connector.open(target.stagingSpec());

                phases.start(Phase.SCHEMA);
                createSchema(context, plan, () -> connector.open(target.stagingSpec().withParameter("application_name", SchemaDump.SESSION_NAME)));
                phases.finish();

                phases.start(Phase.DATA);
                Map<Long, DataCopier.TableResult> copied = copyData(context, plan);
                double dataSeconds = phases.finish();

                phases.start(Phase.POST_DATA);
                buildPostData(context, plan, staging);
                phases.finish();

                phases.start(Phase.SEQUENCES);
                setSequences(context, plan, staging);
                phases.finish();

                phases.start(Phase.ANALYZE);
                Finishing.analyze(options.jobs(), plan.analyze(), staging);
                phases.finish();

                Verifier.Checked checked = null;
                if (options.verify() != VerifyMode.NONE) {
                    phases.start(Phase.VERIFY);
                    checked = Verifier.verify(options.verify(), options.jobs(), plan.copyTasks(), copied, staging);
                    phases.finish();
                    if (!checked.mismatches().isEmpty()) {
                        throw new VerificationFailed(checked);
                    }
                }

                phases.start(Phase.SWAP);
                swap(context);
                stagingCreated = false;
                phases.finish();
                long twinSize = target.twinSize();
                return result(started, Outcome.SUCCEEDED, context, copied, dataSeconds, checked, ExitCode.OK, null, twinSize);
            } catch (VerificationFailed failed) {
                UserError error = new UserError(ExitCode.VERIFY_FAILED, "Verification found " + failed.checked.mismatches().size()
                        + " table(s) that differ (" + failed.checked.mismatches().get(0) + "); the previous twin is kept.");
                return failure(started, context, error, failed.checked);
            } catch (UserError error) {
                return failure(started, context, error, null);
            } catch (SQLException | RuntimeException unexpected) {
                return failure(started, context, TwinFailures.CLASSIFIER.explain(unexpected, phases.current(), null), null);
            } finally {
                if (stagingCreated) {
                    dropStagingQuietly(context);
                }
            }
        }
    }

    private void createSchema(Preflight.Context context, ExecutionPlan plan, Supplier<Connection> staging) throws SQLException {
        PreDataRestore.run(plan.preData(), plan.entries(), options.jobs(), staging, context.productionServer().major(),
                context.target().server().major());
        try (Connection connection = staging.get()) {
            ColumnOrder.differences(context.snapshot().connection(), connection).forEach(listener::warning);
        }
    }

    private Map<Long, DataCopier.TableResult> copyData(Preflight.Context context, ExecutionPlan plan) throws SQLException {
        return new DataCopier(connector, options.production(), context.target().stagingSpec(), context.snapshot().snapshotId(),
                options.jobs(), options.verify() == VerifyMode.CHECKSUMS, listener).copy(plan.copyTasks(), plan.copyBytes());
    }

    private void buildPostData(Preflight.Context context, ExecutionPlan plan, Supplier<Connection> staging) throws SQLException {
        ParallelRestore.postData(plan.postData(), plan.entries(), plan.postDataTables(), plan.tableBytes()).run(options.jobs(), staging);
        try (Connection connection = staging.get()) {
            Finishing.refreshMaterializedViews(connection, plan.materializedViews());
            Finishing.materializedViewsThatDiffer(context.snapshot().connection(), connection, plan.materializedViews())
                    .forEach(listener::warning);
        }
    }

    /** Values are read now, not in preflight: a sequence is not transactional, and a later value is never too low. */
    private void setSequences(Preflight.Context context, ExecutionPlan plan, Supplier<Connection> staging) throws SQLException {
        List<ProductionCatalog.SequenceValue> sequences = context.catalog().sequenceValues(plan.sequences());
        context.snapshot().close();
        try (Connection connection = staging.get()) {
            Finishing.setSequences(connection, sequences);
        }
    }

    private void swap(Preflight.Context context) throws SQLException {
        StagedTarget target = context.target();
        // last, so that a statement_timeout, default_transaction_read_only or search_path meant for the
        // application does not reach the engine's own sessions while it builds the twin
        List<String> settings = context.plan().databaseSettings();
        if (!settings.isEmpty()) {
            int applied = target.applySettings(settings, listener::warning);
            listener.info("copied " + applied + " of " + settings.size() + " database setting(s) (ALTER DATABASE ... SET)");
        }
        target.swap(marker(context, "ready"), listener::info);
    }

    private TwinMarker marker(Preflight.Context context, String state) {
        return new TwinMarker("neon-twin", context.productionIdentity(), Instant.now().toString(), ToolVersion.current(), state);
    }

    private TwinResult failure(Instant started, Preflight.Context context, UserError error, Verifier.Checked checked) {
        return result(started, Outcome.FAILED, context, null, null, checked, error.exitCode(), error, null);
    }

    private TwinResult result(Instant started, Outcome outcome, Preflight.Context context, Map<Long, DataCopier.TableResult> copied,
                              Double dataSeconds, Verifier.Checked checked, ExitCode exitCode, UserError error, Long twinSize) {
        Instant finished = Instant.now();
        List<TableReport> tables = new ArrayList<>();
        long rows = 0;
        long bytes = 0;
        DatabaseInfo production = null;
        DatabaseInfo twin = null;
        if (context != null) {
            for (ExecutionPlan.PlannedCopy table : context.execution().tables()) {
                TwinPlan.PlannedTable planned = table.shown();
                DataCopier.TableResult result = copied == null ? null : copied.get(table.oid());
                long tableRows = result == null ? 0 : result.rows();
                long tableBytes = result == null ? 0 : result.bytes();
                rows += tableRows;
                bytes += tableBytes;
                tables.add(new TableReport(planned.schema(), planned.name(), planned.estimatedRows(), tableRows, tableBytes,
                        result == null ? 0 : round(result.seconds()), planned.chunks(), planned.copyData(), planned.filtered(), planned.masks()));
            }
            tables.sort(Comparator.comparingLong(TableReport::bytes).thenComparingLong(TableReport::estimatedRows).reversed());
            production = context.plan().production();
            DatabaseInfo planned = context.plan().twin();
            twin = new DatabaseInfo(planned.host(), planned.port(), planned.database(), planned.serverVersion(), planned.major(), twinSize);
        }
        Totals totals = context == null ? null : new Totals(tables.size(), rows, bytes,
                dataSeconds == null || dataSeconds <= 0 ? 0 : round(bytes / 1e6 / dataSeconds));
        Verification verification = checked == null ? (outcome == Outcome.SUCCEEDED ? new Verification(options.verify().label(), true, 0, List.of()) : null)
                : new Verification(options.verify().label(), checked.mismatches().isEmpty(), checked.tables(), checked.mismatches());
        Failure failure = error == null ? null : new Failure(phases.current().label(), Secrets.redact(error.getMessage()), exitCode.code(), twinState(context));
        TwinReport report = new TwinReport("neon-twin", ToolVersion.current(), outcome, started, finished,
                round((finished.toEpochMilli() - started.toEpochMilli()) / 1000.0), production, twin,
                context == null ? null : context.plan().client(), phases.timings(), tables, totals, verification,
                listener.warnings(), failure);
        if (context != null) {
            report = report.withPlan(context.execution().report());
        }
        return new TwinResult(report, exitCode, Optional.ofNullable(error == null ? null : error.getCause() == null ? error : error.getCause()));
    }

    private String twinState(Preflight.Context context) {
        if (context == null) {
            return "unchanged: nothing was written";
        }
        return context.plan().twinState().startsWith("does not exist") ? "no twin existed and none was created"
                : "previous twin kept unchanged";
    }

    private static double round(double value) {
        return Rounding.millis(value);
    }

    private void dropStagingQuietly(Preflight.Context context) {
        try {
            context.target().dropStaging();
        } catch (SQLException | RuntimeException e) {
            listener.warning("could not drop the staging database " + context.target().stagingDatabase()
                    + " (the next run drops it): " + e.getMessage());
        }
    }

    private static final class VerificationFailed extends RuntimeException {
        private final transient Verifier.Checked checked;

        VerificationFailed(Verifier.Checked checked) {
            super("verification failed");
            this.checked = checked;
        }
    }
}
