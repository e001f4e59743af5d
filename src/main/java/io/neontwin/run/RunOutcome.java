package io.neontwin.run;

import io.neontwin.errors.ExitCode;
import io.neontwin.report.ReportJson;
import io.neontwin.report.RunReport;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The end of every run, the same in every face: the report is written, then handed to the face's sinks in order
 * (a failure line, the job summary, Neon branches, notifications...), and the exit code is the run's own unless the
 * run succeeded and a sink asks for another (a required notification that failed). The engines know nothing of the
 * sinks: faces plug them in.
 */
public final class RunOutcome {
    /** One place a finished report goes. */
    @FunctionalInterface
    public interface Sink<R extends RunReport> {
        /**
         * @param exitSoFar the exit code as it stands (the run's, or what an earlier sink asked for)
         * @return the exit code this sink asks for, 0 when none
         */
        int deliver(R report, int exitSoFar);
    }

    private RunOutcome() {
    }

    /** A sink that never changes the exit code (a summary, an output file, a message). */
    public static <R extends RunReport> Sink<R> always(java.util.function.Consumer<R> sink) {
        return (report, exitSoFar) -> {
            sink.accept(report);
            return 0;
        };
    }

    @SafeVarargs
    public static <R extends RunReport> int finish(R report, ExitCode runExit, Optional<Path> reportFile, Sink<R>... sinks) {
        reportFile.ifPresent(file -> ReportJson.write(report, file));
        int exit = runExit.code();
        for (Sink<R> sink : List.of(sinks)) {
            int asked = sink.deliver(report, exit);
            if (exit == 0) {
                exit = asked;
            }
        }
        return exit;
    }
}
