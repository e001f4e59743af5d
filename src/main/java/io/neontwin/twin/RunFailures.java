package io.neontwin.twin;

import io.neontwin.errors.ErrorText;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.secrets.Secrets;

import java.sql.SQLException;
import java.util.Set;

/**
 * Why a run failed after preflight, in one sentence with the exit code a script can branch on. A session the server
 * ended (restart, crash recovery, pg_terminate_backend) or a network drop is a lost connection that another run
 * fixes; a full disk is the twin's storage; only what is neither is a bug to report.
 */
final class RunFailures {
    /** admin_shutdown, crash_shutdown, cannot_connect_now: the server ended or refused the session. */
    private static final Set<String> SERVER_ENDED_SESSION = Set.of("57P01", "57P02", "57P03");
    private static final String DISK_FULL = "53100";

    private RunFailures() {
    }

    static boolean isConnectionLoss(SQLException failure) {
        String state = failure.getSQLState();
        return state != null && (state.startsWith("08") || SERVER_ENDED_SESSION.contains(state));
    }

    static boolean isDiskFull(SQLException failure) {
        return DISK_FULL.equals(failure.getSQLState());
    }

    /**
     * The sentence for a failure during a phase; {@code doing} says what was being done (an object's name), or is
     * null for the phase as a whole.
     */
    static UserError explain(Throwable failure, String phase, String doing) {
        String during = doing == null ? "during " + phase : "while " + doing;
        SQLException sql = sqlCause(failure);
        String message = Secrets.redact(ErrorText.firstLine(sql != null ? sql : failure));
        if (sql != null && isConnectionLoss(sql)) {
            return new UserError(ExitCode.COPY_FAILED, "A connection was lost " + during + " (" + message
                    + "); the previous twin is kept: run again.", failure);
        }
        if (sql != null && isDiskFull(sql)) {
            return new UserError(ExitCode.COPY_FAILED, "The twin's server ran out of disk space " + during + " (" + message
                    + "); free space or raise the twin's storage limit, then run again (the previous twin is kept).", failure);
        }
        if (doing != null && sql != null) {
            return new UserError(ExitCode.COPY_FAILED, Character.toUpperCase(doing.charAt(0)) + doing.substring(1)
                    + " in the twin failed: " + message + "; the previous twin is kept.", failure);
        }
        return new UserError(ExitCode.INTERNAL, "Unexpected failure during " + phase + ": " + message
                + "; rerun with --debug and report it.", failure);
    }

    /**
     * The same for a client program (psql, pg_dump) that failed: it reports no SQLSTATE, so the server's own words
     * for an ended session or a full disk are recognised in its first error line. Null when the line is neither.
     */
    static UserError explainClientFailure(String errorLine, String doing, Throwable cause) {
        String line = Secrets.redact(errorLine);
        if (ENDED_SESSION_WORDS.stream().anyMatch(line::contains)) {
            return new UserError(ExitCode.COPY_FAILED, "A connection was lost while " + doing + " (" + line
                    + "); the previous twin is kept: run again.", cause);
        }
        if (line.contains("could not extend file") || line.contains("No space left on device")) {
            return new UserError(ExitCode.COPY_FAILED, "The twin's server ran out of disk space while " + doing + " (" + line
                    + "); free space or raise the twin's storage limit, then run again (the previous twin is kept).", cause);
        }
        return null;
    }

    private static final java.util.List<String> ENDED_SESSION_WORDS = java.util.List.of("terminating connection",
            "server closed the connection", "connection to server", "the database system is shutting down",
            "the database system is starting up", "the database system is in recovery mode");

    /** The first SQLException in the cause chain (workers wrap theirs), or null. */
    static SQLException sqlCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
