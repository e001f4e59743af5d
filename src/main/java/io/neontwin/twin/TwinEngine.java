package io.neontwin.twin;

import io.neontwin.report.ToolVersion;
import io.neontwin.connection.Connector;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.report.DatabaseInfo;
import io.neontwin.report.Failure;
import io.neontwin.report.Outcome;
import io.neontwin.report.PhaseTiming;
import io.neontwin.report.TableReport;
import io.neontwin.report.Totals;
import io.neontwin.report.TwinReport;
import io.neontwin.report.Verification;
import io.neontwin.secrets.Secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Copies production into the twin: preflight, schema (pre-data), data over parallel COPY streams from one snapshot,
 * post-data (indexes, constraints, triggers) in parallel, sequences, materialized views, ANALYZE, verification, and
 * the swap that puts the new twin in place of the previous one. Knows nothing of GitHub, Slack or the terminal: it
 * tells a {@link ProgressListener} what happens and returns a report.
 */
public final class TwinEngine {
    private final TwinOptions options;
    private final ProgressListener listener;
    private final Connector connector;
    private final List<PhaseTiming> phases = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private String currentPhase = "preflight";

    public TwinEngine(TwinOptions options, ProgressListener listener) {
        this(options, listener, Connector.tellingRetriesTo(listener::connectionRetry));
    }

    TwinEngine(TwinOptions options, ProgressListener listener, Connector connector) {
        this.options = options;
        this.listener = new WarningCollector(listener, warnings);
        this.connector = connector;
    }

    public TwinResult run() {
        Instant started = Instant.now();
        List<AutoCloseable> cleanup = new ArrayList<>();
        Path workDir = createWorkDir();
        Preflight.Context context = null;
        boolean stagingCreated = false;
        try {
            long phaseStart = startPhase("preflight");
            context = new Preflight(options, connector, listener, workDir).run(cleanup);
            context.plan().warnings().forEach(listener::warning);
            endPhase("preflight", phaseStart);
            listener.planReady(context.plan());
            if (options.dryRun()) {
                return result(started, Outcome.PLANNED, context, null, null, null, ExitCode.OK, null);
            }
            TwinTarget target = context.target();
            target.dropLeftovers(listener::info);
            TwinMarker building = marker(context, "building");
            target.createStaging(context.productionServer(), building, listener::warning);
            stagingCreated = true;
            Supplier<Connection> staging = () -> connector.open(target.stagingSpec());

            phaseStart = startPhase("schema");
            // named, so that a session seen in pg_stat_activity tells which phase it serves
            Supplier<Connection> schemaSessions = () -> connector.open(target.stagingSpec().withParameter("application_name", "neon-twin schema"));
            PreDataRestore.run(context.client(), context.dump(), context.selection().kept(), options.jobs(), schemaSessions,
                    context.productionServer().major(), target.server().major(), workDir);
            try (Connection connection = staging.get()) {
                ColumnOrder.differences(context.snapshot().connection(), connection).forEach(listener::warning);
            }
            endPhase("schema", phaseStart);

            phaseStart = startPhase("data");
            List<CopyTask> tasks = copyTasks(context);
            long expectedBytes = tasks.stream().mapToLong(CopyPlanner::taskBytes).sum();
            Map<Long, DataCopier.TableResult> copied = new DataCopier(connector, options.production(), target.stagingSpec(),
                    context.snapshot().snapshotId(), options.jobs(), options.verify() == VerifyMode.CHECKSUMS, listener)
                    .copy(tasks, expectedBytes);
            double dataSeconds = endPhase("data", phaseStart);

            phaseStart = startPhase("post-data");
            RestoreScript postData = RestoreScript.render(context.client(), context.dump(), context.selection().kept(), "post-data",
                    target.server().major(), workDir);
            ParallelRestore.postData(postData, entriesById(context), tablesOfPostDataObjects(context, postData), tableBytes(context))
                    .run(options.jobs(), staging);
            List<String> materializedViews = populatedMaterializedViews(context);
            try (Connection connection = staging.get()) {
                Finishing.refreshMaterializedViews(connection, materializedViews);
                Finishing.materializedViewsThatDiffer(context.snapshot().connection(), connection, materializedViews)
                        .forEach(listener::warning);
            }
            endPhase("post-data", phaseStart);

            phaseStart = startPhase("sequences");
            List<ProductionCatalog.SequenceValue> sequences = context.catalog().sequenceValues(sequencesOf(context));
            context.snapshot().close();
            try (Connection connection = staging.get()) {
                Finishing.setSequences(connection, sequences);
            }
            endPhase("sequences", phaseStart);

            phaseStart = startPhase("analyze");
            Finishing.analyze(options.jobs(), analyzable(context), staging);
            endPhase("analyze", phaseStart);

            Verifier.Checked checked = null;
            if (options.verify() != VerifyMode.NONE) {
                phaseStart = startPhase("verify");
                checked = Verifier.verify(options.verify(), options.jobs(), tasks, copied, staging);
                endPhase("verify", phaseStart);
                if (!checked.mismatches().isEmpty()) {
                    throw new VerificationFailed(checked);
                }
            }

            phaseStart = startPhase("swap");
            // last, so that a statement_timeout, default_transaction_read_only or search_path meant for the
            // application does not reach the engine's own sessions while it builds the twin
            List<String> settings = context.plan().databaseSettings();
            if (!settings.isEmpty()) {
                int applied = target.applySettings(settings, listener::warning);
                listener.info("copied " + applied + " of " + settings.size() + " database setting(s) (ALTER DATABASE ... SET)");
            }
            target.swap(marker(context, "ready"), listener::info);
            stagingCreated = false;
            endPhase("swap", phaseStart);
            long twinSize = target.databaseSize(target.twinDatabase());
            return result(started, Outcome.SUCCEEDED, context, copied, dataSeconds, checked, ExitCode.OK, null, twinSize);
        } catch (VerificationFailed failed) {
            UserError error = new UserError(ExitCode.VERIFY_FAILED, "Verification found " + failed.checked.mismatches().size()
                    + " table(s) that differ (" + failed.checked.mismatches().get(0) + "); the previous twin is kept.");
            return failure(started, context, error, failed.checked);
        } catch (UserError error) {
            return failure(started, context, error, null);
        } catch (SQLException | RuntimeException unexpected) {
            return failure(started, context, RunFailures.explain(unexpected, currentPhase, null), null);
        } finally {
            if (stagingCreated) {
                dropStagingQuietly(context);
            }
            closeAll(cleanup);
            deleteQuietly(workDir);
        }
    }

    private List<CopyTask> copyTasks(Preflight.Context context) {
        Set<String> withoutData = new HashSet<>();
        context.plan().tables().stream().filter(t -> !t.copyData()).forEach(t -> withoutData.add(t.qualifiedName()));
        List<ProductionCatalog.Relation> tables = context.dataTables().stream()
                .filter(t -> !withoutData.contains(t.displayName())).toList();
        boolean sameMajor = context.productionServer().major() == context.target().server().major();
        boolean binary = sameMajor && options.verify() != VerifyMode.CHECKSUMS && options.copyFormat().binaryAllowed();
        return CopyPlanner.plan(tables, context.columns(), options.jobs(), context.rangesSupported(), binary);
    }

    private static Map<Integer, TocEntry> entriesById(Preflight.Context context) {
        Map<Integer, TocEntry> entries = new HashMap<>();
        context.selection().kept().forEach(e -> entries.put(e.dumpId(), e));
        return entries;
    }

    private static Map<Long, long[]> tablesOfPostDataObjects(Preflight.Context context, RestoreScript postData) throws SQLException {
        Map<Integer, TocEntry> entries = entriesById(context);
        Set<Long> oids = new HashSet<>();
        for (RestoreScript.Statement statement : postData.statements()) {
            TocEntry entry = entries.get(statement.dumpId());
            if (entry != null && entry.oid() != 0) {
                oids.add(entry.oid());
            }
        }
        return oids.isEmpty() ? Map.of() : context.catalog().tablesOfObjects(oids);
    }

    private static Map<Long, Long> tableBytes(Preflight.Context context) {
        Map<Long, Long> bytes = new HashMap<>();
        context.relations().values().forEach(r -> bytes.put(r.oid(), r.bytes()));
        return bytes;
    }

    private List<String> populatedMaterializedViews(Preflight.Context context) throws SQLException {
        Set<Long> oids = new HashSet<>();
        context.selection().kept().stream().filter(e -> e.is("MATERIALIZED VIEW")).forEach(e -> oids.add(e.oid()));
        if (oids.isEmpty()) {
            return List.of();
        }
        Set<Long> populated = context.catalog().populatedMaterializedViews(oids);
        List<String> names = new ArrayList<>();
        for (TocEntry entry : context.selection().kept()) {
            ProductionCatalog.Relation view = context.relations().get(entry.oid());
            if (entry.is("MATERIALIZED VIEW") && populated.contains(entry.oid()) && view != null) {
                names.add(view.qualified());
            }
        }
        return names;
    }

    private static Map<Long, ProductionCatalog.Relation> sequencesOf(Preflight.Context context) {
        Map<Long, ProductionCatalog.Relation> sequences = new java.util.LinkedHashMap<>();
        for (TocEntry entry : context.selection().kept()) {
            ProductionCatalog.Relation relation = context.relations().get(entry.oid());
            if (entry.is("SEQUENCE") && relation != null && relation.kind() == 'S') {
                sequences.put(relation.oid(), relation);
            }
        }
        return sequences;
    }

    private static List<String> analyzable(Preflight.Context context) {
        // largest first, so that the batches dealt round robin come out about even
        return context.relations().values().stream()
                .filter(relation -> relation.kind() == 'r' || relation.kind() == 'p' || relation.kind() == 'm')
                .sorted(Comparator.comparingLong(ProductionCatalog.Relation::bytes).reversed())
                .map(ProductionCatalog.Relation::qualified)
                .toList();
    }

    private TwinMarker marker(Preflight.Context context, String state) {
        return new TwinMarker("neon-twin", context.productionIdentity(), Instant.now().toString(), ToolVersion.current(), state);
    }

    private long startPhase(String phase) {
        currentPhase = phase;
        listener.phaseStarted(phase);
        return System.nanoTime();
    }

    private double endPhase(String phase, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        phases.add(new PhaseTiming(phase, round(seconds)));
        listener.phaseFinished(phase, seconds);
        return seconds;
    }

    private TwinResult failure(Instant started, Preflight.Context context, UserError error, Verifier.Checked checked) {
        return result(started, Outcome.FAILED, context, null, null, checked, error.exitCode(), error);
    }

    private TwinResult result(Instant started, Outcome outcome, Preflight.Context context, Map<Long, DataCopier.TableResult> copied,
                              Double dataSeconds, Verifier.Checked checked, ExitCode exitCode, UserError error) {
        return result(started, outcome, context, copied, dataSeconds, checked, exitCode, error, null);
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
            Map<String, DataCopier.TableResult> copiedByName = new HashMap<>();
            if (copied != null) {
                context.dataTables().forEach(t -> copiedByName.put(t.displayName(), copied.get(t.oid())));
            }
            for (TwinPlan.PlannedTable planned : context.plan().tables()) {
                DataCopier.TableResult result = copiedByName.get(planned.qualifiedName());
                long tableRows = result == null ? 0 : result.rows();
                long tableBytes = result == null ? 0 : result.bytes();
                rows += tableRows;
                bytes += tableBytes;
                tables.add(new TableReport(planned.schema(), planned.name(), planned.estimatedRows(), tableRows, tableBytes,
                        result == null ? 0 : round(result.seconds()), planned.chunks(), planned.copyData()));
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
        Failure failure = error == null ? null : new Failure(currentPhase, Secrets.redact(error.getMessage()), exitCode.code(), twinState(context));
        TwinReport report = new TwinReport("neon-twin", ToolVersion.current(), outcome, started, finished,
                round((finished.toEpochMilli() - started.toEpochMilli()) / 1000.0), production, twin,
                context == null ? null : context.plan().client(), List.copyOf(phases), tables, totals, verification,
                warnings.stream().map(Secrets::redact).distinct().toList(), failure);
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
        return Math.round(value * 1000) / 1000.0;
    }

    private void dropStagingQuietly(Preflight.Context context) {
        try {
            context.target().dropStaging();
        } catch (SQLException | RuntimeException e) {
            listener.warning("could not drop the staging database " + context.target().stagingDatabase()
                    + " (the next run drops it): " + e.getMessage());
        }
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception ignored) {
                // releasing is best effort; sessions end with the process anyway
            }
        }
    }

    private static Path createWorkDir() {
        try {
            return Files.createTempDirectory("neon-twin-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder
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
