package io.neontwin.twin;

import io.neontwin.run.RunListener;

/**
 * What the twin engine tells its face while it runs: all a {@link RunListener} hears, and the plan before the first
 * write, and the data phase's progress. Every text is already redacted.
 */
public interface ProgressListener extends RunListener {
    default void planReady(TwinPlan plan) {
    }

    /** Called every few seconds during the data phase, and once when it ends. */
    default void dataProgress(DataProgress progress) {
    }

    ProgressListener SILENT = new ProgressListener() {
    };
}
