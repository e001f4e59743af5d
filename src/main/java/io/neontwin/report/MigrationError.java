package io.neontwin.report;

/**
 * Where a migration's SQL failed.
 *
 * @param stage     "rehearsal" (on the twin: production was not touched) or "apply" (on production)
 * @param version   the failing migration's version
 * @param file      its file, relative to the migrations folder
 * @param line      the line in that file the server's error points at (the statement's first line when the server
 *                  gave no position)
 * @param statement the failing statement, shortened to its first 200 characters, on one line
 * @param sqlState  the server's SQLSTATE (e.g. 55P03 lock_not_available), or null
 * @param message   the server's message
 */
public record MigrationError(String stage, String version, String file, int line, String statement, String sqlState,
                             String message) {
}
