package io.neontwin.action;

import io.neontwin.report.ToolVersion;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.notify.Notifications;
import io.neontwin.report.Failure;
import io.neontwin.report.ReportJson;
import io.neontwin.report.TwinReport;
import io.neontwin.secrets.Secrets;
import io.neontwin.twin.ProgressListener;
import io.neontwin.twin.TwinEngine;
import io.neontwin.twin.TwinOptions;
import io.neontwin.twin.TwinResult;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

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

    public static final Engine REAL_ENGINE = (options, listener) -> new TwinEngine(options, listener).run();

    private final ActionEnvironment environment;
    private final ActionLog log;
    private final Engine engine;

    public ActionRunner(ActionEnvironment environment, PrintWriter out, Engine engine) {
        this.environment = environment;
        this.log = new ActionLog(out);
        this.engine = engine;
    }

    public int run() {
        // Before anything else prints: every secret known now or found later becomes an ::add-mask:: line.
        Secrets.onRegister(log::mask);
        ActionSettings.registerSecrets(environment);
        try {
            ActionSettings settings = ActionSettings.from(new ActionInputs(environment));
            return runEngine(settings);
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
        TwinReport report = result.report();
        progress.printSummary(report);

        ReportJson.write(report, environment.workspace().resolve(settings.reportFile()));
        environment.outputFile().ifPresent(file -> FileCommands.writeOutputs(file, ActionOutput.valuesFor(report, settings.reportFile())));
        environment.stepSummaryFile().ifPresent(file -> FileCommands.appendSummary(file, JobSummary.render(report, settings.reportFile())));

        int exit = result.exitCode().code();
        if (report.failure() != null) {
            announceFailure(report.failure());
            result.cause().ifPresent(this::printStackTraceIfDebugging);
        }
        int notifyExit = Notifications.deliver(report, settings.notifications(), log::warning);
        if (exit == 0 && notifyExit != 0) {
            log.error("Notification failed", "A notification could not be delivered and notify-required is true; see the warnings above.");
        }
        return exit != 0 ? exit : notifyExit;
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
