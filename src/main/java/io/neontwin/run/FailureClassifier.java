package io.neontwin.run;

import io.neontwin.errors.ErrorText;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.secrets.Secrets;

import java.sql.SQLException;

/**
 * Why a run failed where nothing more specific caught it, in one sentence with the exit code a script can branch
 * on. Both engines use it, so the same failure reads the same in either: a session the server ended (restart, crash
 * recovery, pg_terminate_backend, SQLSTATE 57P01-57P03) or a network drop is a lost connection that another run
 * fixes, in every phase; a full disk is the server's storage; only what is neither is a bug to report.
 *
 * @param lostConnection the engine's code for a lost connection (the twin: its copy failed, the previous twin kept)
 * @param serverFailure  the engine's code for a server error while it did something named (a full disk, a restore)
 * @param unharmed       what a failure leaves as it was, said before "run again" (the twin: "the previous twin is
 *                       kept"), or null when the engine's sentence says nothing of it
 */
public record FailureClassifier(ExitCode lostConnection, ExitCode serverFailure, String unharmed) {

    /**
     * The sentence for a failure during a phase; {@code doing} says what was being done (an object's name), or is
     * null for the phase as a whole.
     */
    public UserError explain(Throwable failure, Phase phase, String doing) {
        String during = doing == null ? "during " + phase.label() : "while " + doing;
        SQLException sql = ServerErrors.sqlCause(failure);
        String message = Secrets.redact(ErrorText.firstLine(sql != null ? sql : failure));
        if (sql != null && ServerErrors.isConnectionLoss(sql)) {
            return connectionLost(during, message, failure);
        }
        if (sql != null && ServerErrors.isDiskFull(sql)) {
            return diskFull(during, message, failure);
        }
        if (doing != null && sql != null) {
            return new UserError(serverFailure, Character.toUpperCase(doing.charAt(0)) + doing.substring(1)
                    + " in the twin failed: " + message + keptClause() + ".", failure);
        }
        return new UserError(ExitCode.INTERNAL, "Unexpected failure during " + phase.label() + ": " + message
                + "; rerun with --debug and report it.", failure);
    }

    /**
     * The same for a client program (psql, pg_dump) that failed: it reports no SQLSTATE, so the server's own words
     * for an ended session or a full disk are recognised in its first error line. Null when the line is neither.
     */
    public UserError explainClientFailure(String errorLine, String doing, Throwable cause) {
        String line = Secrets.redact(errorLine);
        if (ServerErrors.saysConnectionLost(line)) {
            return connectionLost("while " + doing, line, cause);
        }
        if (ServerErrors.saysDiskFull(line)) {
            return diskFull("while " + doing, line, cause);
        }
        return null;
    }

    private UserError connectionLost(String during, String message, Throwable cause) {
        return new UserError(lostConnection, "A connection was lost " + during + " (" + message + "); "
                + (unharmed == null ? "" : unharmed + ": ") + "run again.", cause);
    }

    private UserError diskFull(String during, String message, Throwable cause) {
        return new UserError(serverFailure, "The twin's server ran out of disk space " + during + " (" + message
                + "); free space or raise the twin's storage limit, then run again"
                + (unharmed == null ? "" : " (" + unharmed + ")") + ".", cause);
    }

    private String keptClause() {
        return unharmed == null ? "" : "; " + unharmed;
    }
}
