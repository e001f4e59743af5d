package io.neontwin.run;

import io.neontwin.errors.ExitCode;
import io.neontwin.report.Outcome;
import io.neontwin.report.TwinReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every face ends a run the same way: the report written, then its sinks in order, then the exit code. */
class RunOutcomeTest {
    @TempDir
    Path folder;

    @Test
    void theReportIsWrittenBeforeTheSinksWhichAllRunInOrder() throws Exception {
        Path file = folder.resolve("report.json");
        List<String> seen = new ArrayList<>();

        int exit = RunOutcome.finish(report(Outcome.SUCCEEDED), ExitCode.OK, Optional.of(file),
                RunOutcome.always(r -> seen.add("summary: report written " + Files.exists(file))),
                RunOutcome.always(r -> seen.add("notify " + r.outcome())));

        assertEquals(0, exit);
        assertEquals(List.of("summary: report written true", "notify SUCCEEDED"), seen);
        assertTrue(Files.readString(file).contains("\"outcome\""));
    }

    @Test
    void aSinkDecidesTheExitCodeOnlyWhenTheRunSucceeded() {
        int afterSuccess = RunOutcome.finish(report(Outcome.SUCCEEDED), ExitCode.OK, Optional.empty(),
                (r, exit) -> ExitCode.NOTIFY_FAILED.code());
        List<Integer> exitsSeen = new ArrayList<>();
        int afterFailure = RunOutcome.finish(report(Outcome.FAILED), ExitCode.COPY_FAILED, Optional.empty(),
                (r, exit) -> {
                    exitsSeen.add(exit);
                    return ExitCode.NOTIFY_FAILED.code();
                },
                (r, exit) -> {
                    exitsSeen.add(exit);
                    return 0;
                });

        assertEquals(ExitCode.NOTIFY_FAILED.code(), afterSuccess);
        assertEquals(ExitCode.COPY_FAILED.code(), afterFailure);
        assertEquals(List.of(ExitCode.COPY_FAILED.code(), ExitCode.COPY_FAILED.code()), exitsSeen);
    }

    private static TwinReport report(Outcome outcome) {
        Instant start = Instant.parse("2026-01-01T02:00:00Z");
        return new TwinReport("neon-twin", "test", outcome, start, start.plusSeconds(1), 1.0, null, null, null, List.of(),
                List.of(), null, null, List.of(), null);
    }
}
