package io.neontwin.report;

/**
 * @param phase     the phase that failed (preflight, schema, data, ...)
 * @param message   the one-sentence error, with secrets masked
 * @param exitCode  the process exit code this failure maps to
 * @param twinState what developers have now, e.g. "previous twin kept unchanged"
 */
public record Failure(String phase, String message, int exitCode, String twinState) {
}
