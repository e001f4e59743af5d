package io.neontwin.reversetwin;

import io.neontwin.errors.ExitCode;
import io.neontwin.report.ReverseTwinReport;

import java.util.Optional;

/** A finished reverse-twin run: the report, its exit code and, for --debug only, the exception behind a failure. */
public record ReverseTwinResult(ReverseTwinReport report, ExitCode exitCode, Optional<Throwable> cause) {
}
