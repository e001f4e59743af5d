package io.neontwin.twin;

import io.neontwin.errors.ExitCode;
import io.neontwin.report.TwinReport;

import java.util.Optional;

/**
 * A finished run: the report, the exit code it maps to, and, for --debug only, the exception behind a failure.
 */
public record TwinResult(TwinReport report, ExitCode exitCode, Optional<Throwable> cause) {
}
