package io.neontwin.action;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.face.Direction;
import io.neontwin.face.OptionTable;
import io.neontwin.neon.BranchesFollowTwin;
import io.neontwin.neon.NeonSettings;
import io.neontwin.notify.Notifications;
import io.neontwin.report.Failure;
import io.neontwin.report.MigrationError;
import io.neontwin.report.NeonBranches;
import io.neontwin.run.RunOutcome;
import io.neontwin.report.ReverseTwinReport;
import io.neontwin.report.RunReport;
import io.neontwin.report.ToolVersion;
import io.neontwin.report.TwinReport;
import io.neontwin.reversetwin.ReverseTwinEngine;
import io.neontwin.reversetwin.ReverseTwinOptions;
import io.neontwin.reversetwin.ReverseTwinResult;
import io.neontwin.secrets.Secrets;
import io.neontwin.twin.ProgressListener;
import io.neontwin.twin.TwinEngine;
import io.neontwin.twin.TwinOptions;
import io.neontwin.twin.TwinResult;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One step of a workflow, start to end: mask the secrets, validate the inputs, run the engine, then hand the
 * results to the runner (report file, outputs, job summary, annotations) and return the step's exit code.
 * Invalid inputs end in one {@code ::error} annotation and write nothing.
 */
public final class ActionRunner {
    /** The engine behind the action; tests put a scripted one in its place. */
    @FunctionalInterface
    public interface Engine {
        TwinResult run(TwinOptions options, ProgressListener listener);
    }

    /** The reverse-twin engine behind the action; tests put a scripted one in its place. */
    @FunctionalInterface
    public interface ReverseEngine {
        ReverseTwinResult run(ReverseTwinOptions options, ProgressListener listener);
    }

    public static final Engine REAL_ENGINE = (options, listener) -> new TwinEngine(options, listener).run();
    public static final ReverseEngine REAL_REVERSE_ENGINE = (options, listener) -> new ReverseTwinEngine(options, listener).run();
    /** GitHub shows ten annotations of a kind per step; more hazards than this are in the summary and the report. */
    static final int HAZARD_ANNOTATIONS = 10;

    private final ActionEnvironment environment;
    private final ActionLog log;
    private final Engine engine;
    private final ReverseEngine reverseEngine;
    private final BranchesFollowTwin branchesFollowTwin = BranchesFollowTwin.standard();

    public ActionRunner(ActionEnvironment environment, PrintWriter out, Engine engine) {
        this(environment, out, engine, REAL_REVERSE_ENGINE);
    }

    public ActionRunner(ActionEnvironment environment, PrintWriter out, Engine engine, ReverseEngine reverseEngine) {
        this.environment = environment;
        this.log = new ActionLog(out);
        this.engine = engine;
        this.reverseEngine = reverseEngine;
    }

    public int run() {
        // Before anything else prints: every secret known now or found later becomes an ::add-mask:: line.
        Secrets.onRegister(log::mask);
        ActionSettings.registerSecrets(environment);
        try {
            ActionSettings settings = ActionSettings.from(new ActionInputs(environment), environment.workspace());
            settings.warnings().forEach(log::warning);
            return settings.direction() == Direction.REVERSE_TWIN ? runReverseEngine(settings) : runEngine(settings);
        } catch (UserError error) {
            log.error(titleFor(error.exitCode()), error.getMessage());
            printStackTraceIfDebugging(error);
            return error.exitCode().code();
        } catch (RuntimeException | Error unexpected) {
            log.error("neon-twin: unexpected error", "unexpected " + unexpected.getClass().getSimpleName() + ": "
                    + unexpected.getMessage() + " (re-run the job with debug logging for the stack trace, and report it).");
            printStackTraceIfDebugging(unexpected);
            return ExitCode.INTERNAL.code();
        }
    }

    private int runEngine(ActionSettings settings) {
        log.line("neon-twin " + ToolVersion.current() + ": twin " + settings.twinOptions().production().describe() + " into "
                + settings.twinOptions().twin().describe() + (settings.twinOptions().dryRun() ? " (dry run)" : ""));
        ActionProgress progress = new ActionProgress(log);
        TwinResult result = engine.run(settings.twinOptions(), progress);
        progress.printSummary(result.report());
        TwinReport report = settings.neon() == null ? result.report()
                : branchesFollowTwin.afterRefresh(result.report(), settings.neon(),
                        settings.twinOptions().twin().primaryHost().host(), settings.twinOptions().production().primaryHost().host());
        int neonExit = settings.neon() == null ? ExitCode.OK.code() : announceBranches(report.neonBranches(), settings.neon());
        return RunOutcome.finish(report, result.exitCode(), Optional.of(environment.workspace().resolve(settings.reportFile())),
                RunOutcome.always(finished -> environment.outputFile().ifPresent(file ->
                        FileCommands.writeOutputs(file, ActionOutput.valuesFor(finished, settings.reportFile())))),
                RunOutcome.always(finished -> environment.stepSummaryFile().ifPresent(file ->
                        FileCommands.appendSummary(file, JobSummary.render(finished, settings.reportFile())))),
                (finished, exit) -> neonExit,
                RunOutcome.always(finished -> {
                    if (finished.failure() != null) {
                        announceFailure(finished.failure());
                        result.cause().ifPresent(this::printStackTraceIfDebugging);
                    }
                }),
                (finished, exit) -> notifications(exit, finished, settings));
    }

    /** One line in the log; problems as a warning, or as the step's error when reset-branches-required. */
    private int announceBranches(NeonBranches branches, NeonSettings neon) {
        if (branches == null) {
            return ExitCode.OK.code();
        }
        ExitCode exit = BranchesFollowTwin.exitCode(branches, neon);
        if (exit != ExitCode.OK) {
            log.error("Neon branches not reset", branches.oneLine() + " (" + OptionTable.RESET_BRANCHES_REQUIRED.yamlName() + " is true)");
        } else if (branches.hasProblems()) {
            log.warning(branches.oneLine());
        } else {
            log.line(branches.oneLine());
        }
        return exit.code();
    }

    private int runReverseEngine(ActionSettings settings) {
        ReverseTwinOptions options = settings.reverseOptions();
        log.line("neon-twin " + ToolVersion.current() + ": reverse twin: migrations in " + settings.migrationsPath()
                + ", rehearsed on " + options.twin().describe() + ", applied to " + options.production().describe()
                + (options.dryRun() ? " (dry run: production is not written)" : ""));
        ActionProgress progress = new ActionProgress(log);
        ReverseTwinResult result = reverseEngine.run(options, progress);
        ReverseTwinReport report = result.report();
        progress.printSummary(report);

        String folder = annotationFolder(settings.migrationsPath(), environment.workspace());
        return RunOutcome.finish(report, result.exitCode(), Optional.of(environment.workspace().resolve(settings.reportFile())),
                RunOutcome.always(finished -> environment.outputFile().ifPresent(file ->
                        FileCommands.writeOutputs(file, ActionOutput.valuesFor(finished, settings.reportFile())))),
                RunOutcome.always(finished -> environment.stepSummaryFile().ifPresent(file -> FileCommands.appendSummary(file,
                        JobSummary.render(finished, settings.reportFile(), settings.migrationsPath())))),
                RunOutcome.always(finished -> {
                    if (finished.hazards() != null) {
                        finished.hazards().stream().limit(HAZARD_ANNOTATIONS).forEach(hazard -> log.warning(
                                "Migration hazard: " + hazard.kind(), folder + hazard.file(), hazard.line(), hazard.risk()));
                    }
                }),
                RunOutcome.always(finished -> {
                    if (finished.failure() != null) {
                        announceFailure(finished, folder);
                        result.cause().ifPresent(this::printStackTraceIfDebugging);
                    }
                }),
                (finished, exit) -> notifications(exit, finished, settings));
    }

    /** Delivers the notifications; a required one that failed is the step's error when the run itself succeeded. */
    private int notifications(int exit, RunReport report, ActionSettings settings) {
        int notifyExit = Notifications.deliver(report, settings.notifications(), log::warning);
        if (exit == 0 && notifyExit != 0) {
            log.error("Notification failed", "A notification could not be delivered and notify-required is true; see the warnings above.");
        }
        return notifyExit;
    }

    /** One error annotation: on the failing migration's line when its SQL failed, else on the run. */
    private void announceFailure(ReverseTwinReport report, String folder) {
        Failure failure = report.failure();
        String production = failure.twinState() == null ? "" : " Production: " + failure.twinState() + ".";
        MigrationError error = report.failedMigration();
        if (error == null) {
            String title = failure.phase() == null ? "Reverse twin failed" : "Reverse twin failed in " + failure.phase();
            log.error(title, failure.message() + production);
            return;
        }
        String title = "rehearsal".equals(error.stage()) ? "Migration failed in rehearsal" : "Migration failed on production";
        String state = error.sqlState() == null ? "" : " (SQLSTATE " + error.sqlState() + ")";
        log.error(title, folder + error.file(), error.line(), error.message() + state + production);
    }

    /**
     * The migrations folder as annotations name files: relative to the repository, with a trailing slash
     * ({@code migrations/}); an absolute path inside the workspace is made relative to it.
     */
    static String annotationFolder(String migrationsPath, Path workspace) {
        String folder = migrationsPath;
        Path path = Path.of(migrationsPath);
        if (path.isAbsolute() && path.normalize().startsWith(workspace.normalize())) {
            folder = workspace.normalize().relativize(path.normalize()).toString().replace('\\', '/');
        }
        return folder.isEmpty() || folder.equals(".") ? "" : folder + "/";
    }

    private void announceFailure(Failure failure) {
        String title = failure.phase() == null ? "Twin failed" : "Twin failed in " + failure.phase();
        String twinState = failure.twinState() == null ? "" : " Twin: " + failure.twinState() + ".";
        log.error(title, failure.message() + twinState);
    }

    static String titleFor(ExitCode exitCode) {
        return switch (exitCode) {
            case INVALID_INPUT -> "Invalid input";
            case SAFETY -> "Refused to overwrite";
            case MIGRATIONS_INVALID -> "Migrations refused";
            default -> "Twin failed";
        };
    }

    /** GitHub sets RUNNER_DEBUG=1 when a run is re-run with debug logging: the place for stack traces. */
    private void printStackTraceIfDebugging(Throwable throwable) {
        if (!environment.debugLogging()) {
            return;
        }
        StringWriter trace = new StringWriter();
        throwable.printStackTrace(new PrintWriter(trace));
        log.startGroup("Stack trace");
        trace.toString().lines().forEach(line -> log.line(line));
        log.endGroup();
    }
}
