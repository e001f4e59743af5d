package io.neontwin.neon;

import java.util.Locale;

/** Neon's {@code OperationStatus} vocabulary, by what it means for a caller waiting on it. */
public enum OperationStatus {
    SCHEDULING(false, false),
    RUNNING(false, false),
    CANCELLING(false, false),
    FINISHED(true, true),
    SKIPPED(true, true),
    FAILED(true, false),
    ERROR(true, false),
    CANCELLED(true, false);

    private final boolean done;
    private final boolean succeeded;

    OperationStatus(boolean done, boolean succeeded) {
        this.done = done;
        this.succeeded = succeeded;
    }

    public boolean done() {
        return done;
    }

    public boolean succeeded() {
        return succeeded;
    }

    /** A status this client does not know yet is treated as still running: polling is bounded anyway. */
    public static OperationStatus parse(String status) {
        try {
            return valueOf(String.valueOf(status).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return RUNNING;
        }
    }
}
