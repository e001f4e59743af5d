package io.neontwin.reversetwin;

/**
 * A migration's SQL that cannot be run as written: an unterminated quote or comment, a psql meta-command, or
 * transaction control inside the file.
 */
public final class SqlSyntaxError extends IllegalArgumentException {
    private final int line;
    private final String problem;

    SqlSyntaxError(int line, String problem) {
        super("line " + line + ": " + problem);
        this.line = line;
        this.problem = problem;
    }

    /** The 1-based line the problem starts on (where the unterminated quote or comment opened). */
    public int line() {
        return line;
    }

    /** The problem without its line: "a quoted string opened here is never closed". */
    public String problem() {
        return problem;
    }
}
