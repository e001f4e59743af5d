package io.neontwin.report;

/**
 * How long one statement of a migration took in a rehearsal on a branch of the twin (rehearse-on: branch), where it
 * was committed on the twin's full-size data: what it will roughly take on production.
 *
 * @param line      the line of the migration file the statement starts on
 * @param statement the statement's first words, secrets redacted
 * @param seconds   its duration, committed
 */
public record StatementTiming(int line, String statement, double seconds) {
}
