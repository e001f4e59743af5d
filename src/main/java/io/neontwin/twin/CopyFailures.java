package io.neontwin.twin;

import io.neontwin.errors.ErrorText;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;

import java.sql.SQLException;

/** Why a COPY stream failed, in one sentence: which table, which side, what to do. The previous twin is always kept. */
final class CopyFailures {
    private CopyFailures() {
    }

    static UserError explain(CopyTask task, String side, SQLException failure) {
        String state = failure.getSQLState() == null ? "" : failure.getSQLState();
        String table = task.describe();
        String message = ErrorText.firstLine(failure);
        if (state.startsWith("08") || state.isEmpty() && message.contains("I/O")) {
            return error(ExitCode.COPY_FAILED, "The connection to " + side + " was lost while copying " + table + " (" + message
                    + "); the previous twin is kept: run again.", failure);
        }
        if (state.equals("53100")) {
            return error(ExitCode.COPY_FAILED, "The twin's server ran out of disk space while copying " + table
                    + "; free space or raise the twin's storage limit, then run again (the previous twin is kept).", failure);
        }
        if (state.equals("42501")) {
            return error(ExitCode.PRIVILEGE, "The " + (side.equals("production") ? "production" : "twin")
                    + " role may not " + (side.equals("production") ? "read " : "write ") + table + " (" + message
                    + "); grant it, or leave the table out with --exclude-table.", failure);
        }
        if (state.equals("55P03")) {
            return stayedLocked(table, failure);
        }
        return error(ExitCode.COPY_FAILED, "Copying " + table + " failed on " + side + ": " + message
                + "; the previous twin is kept.", failure);
    }

    /** The documented sentence for a production table that other work kept locked longer than the twin waits. */
    static UserError stayedLocked(String table, Throwable cause) {
        return new UserError(ExitCode.COPY_FAILED, io.neontwin.secrets.Secrets.redact("Production's " + table
                + " stayed locked by other work (DDL?) for " + SnapshotSession.LOCK_TIMEOUT
                + "; the twin gives way to production: run again later (the previous twin is kept)."), cause);
    }

    private static UserError error(ExitCode code, String sentence, SQLException cause) {
        return new UserError(code, io.neontwin.secrets.Secrets.redact(sentence), cause);
    }
}
