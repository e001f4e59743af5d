package io.neontwin.twin;

import io.neontwin.run.ServerErrors;
import io.neontwin.errors.ErrorText;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;

import java.sql.SQLException;
import java.util.Optional;

/** Why a COPY stream failed, in one sentence: which table, which side, what to do. The previous twin is always kept. */
final class CopyFailures {
    private CopyFailures() {
    }

    /**
     * Whatever ended a copy worker, as one sentence naming the table it was copying (task is null when the worker
     * failed before its first table).
     */
    static UserError explain(CopyTask task, Throwable failure) {
        String table = task == null ? "the first table" : task.describe();
        if (failure instanceof UserError error) {
            return error;
        }
        if (failure instanceof OutOfMemoryError) {
            return outOfMemory("copying " + table, failure);
        }
        if (failure instanceof SQLException sql) {
            return task == null
                    ? error(ExitCode.COPY_FAILED, "Preparing a copy stream failed: " + ErrorText.firstLine(sql)
                    + "; the previous twin is kept.", sql)
                    : explain(task, "production", sql);
        }
        return new UserError(ExitCode.INTERNAL, io.neontwin.secrets.Secrets.redact("Copying " + table + " failed unexpectedly ("
                + failure.getClass().getSimpleName() + ": " + ErrorText.firstLine(String.valueOf(failure.getMessage()))
                + "); the previous twin is kept: rerun with --debug and report it."), failure);
    }

    /** The JVM's heap could not hold a row while doing something (named as "copying public.t"). */
    static UserError outOfMemory(String doing, Throwable failure) {
        return outOfMemory(doing, Optional.empty(), failure);
    }

    /** As {@link #outOfMemory(String, Throwable)}, naming the column whose value did not fit and the heap it needs. */
    static UserError outOfMemory(String doing, Optional<LargestValue.Found> largest, Throwable failure) {
        long heapMb = Runtime.getRuntime().maxMemory() >> 20;
        return new UserError(ExitCode.COPY_FAILED, "The JVM ran out of heap (" + heapMb + " MB) while " + doing
                + largest.map(found -> " (" + found.describe() + ", and each row is held whole in memory)")
                .orElse(" (each row is held whole in memory, so the largest row must fit)")
                + "; give it more heap, e.g. NEON_TWIN_JAVA_OPTS=-Xmx" + largest.map(LargestValue.Found::suggestedHeapMb).orElse(1024L)
                + "m, and run again (the previous twin is kept).", failure);
    }

    /** Tables (one, or a list) that row-level security would show the production role only in part. */
    static UserError rowSecurity(String tables, Throwable cause) {
        return new UserError(ExitCode.PRIVILEGE, "The production role is subject to row-level security on " + tables
                + ", so it cannot read every row; give it BYPASSRLS (ALTER ROLE ... BYPASSRLS) or connect as the table's owner,"
                + " or leave the table out with --exclude-table.", cause);
    }

    static UserError explain(CopyTask task, String side, SQLException failure) {
        String state = failure.getSQLState() == null ? "" : failure.getSQLState();
        String table = task.describe();
        String message = ErrorText.firstLine(failure);
        if (ServerErrors.isConnectionLoss(failure) || state.isEmpty() && message.contains("I/O")) {
            return error(ExitCode.COPY_FAILED, "The connection to " + side + " was lost while copying " + table + " (" + message
                    + "); the previous twin is kept: run again.", failure);
        }
        if (state.equals("53100")) {
            return error(ExitCode.COPY_FAILED, "The twin's server ran out of disk space while copying " + table
                    + "; free space or raise the twin's storage limit, then run again (the previous twin is kept).", failure);
        }
        if (state.equals("42501") && message.contains("row-level security")) {
            return rowSecurity(table, failure);
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
