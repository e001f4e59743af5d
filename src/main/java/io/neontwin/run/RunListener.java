package io.neontwin.run;

import io.neontwin.connection.ConnectionRetry;

/**
 * What an engine (the twin or the reverse twin) tells its face while it runs: phases, warnings, notes, connection
 * retries. The CLI prints lines or a live bar; the GitHub adapter folds phases into ::group:: blocks and turns
 * warnings into ::warning:: annotations. Every text is already redacted. An engine with more to tell (the twin's plan
 * and data progress) extends this interface.
 */
public interface RunListener {
    /** @param phase the phase's name as users see it ({@link Phase#label()}) */
    default void phaseStarted(String phase) {
    }

    default void phaseFinished(String phase, double seconds) {
    }

    default void warning(String message) {
    }

    default void info(String message) {
    }

    /** A connection failed in a way worth waiting out (a server starting, a compute waking); it is tried again. */
    default void connectionRetry(ConnectionRetry retry) {
    }
}
