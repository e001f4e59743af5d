package io.neontwin.twin;

/**
 * What the engine tells its face while it runs. The CLI prints lines or a live bar; the GitHub adapter folds
 * phases into ::group:: blocks and turns warnings into ::warning:: annotations. Every text is already redacted.
 */
public interface ProgressListener {
    default void planReady(TwinPlan plan) {
    }

    default void phaseStarted(String phase) {
    }

    default void phaseFinished(String phase, double seconds) {
    }

    /** Called every few seconds during the data phase, and once when it ends. */
    default void dataProgress(DataProgress progress) {
    }

    default void warning(String message) {
    }

    default void info(String message) {
    }

    /** A connection failed in a way worth waiting out (a server starting, a compute waking); it is tried again. */
    default void connectionRetry(io.neontwin.connection.ConnectionRetry retry) {
    }

    ProgressListener SILENT = new ProgressListener() {
    };
}
