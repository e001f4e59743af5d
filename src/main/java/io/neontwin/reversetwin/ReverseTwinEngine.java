package io.neontwin.reversetwin;

import io.neontwin.twin.ProgressListener;

/**
 * Carries schema changes proven on the twin to production: reads the migrations folder, compares it with
 * production's history, plans and rehearses the pending migrations on the twin, then applies them to production
 * in order, once each, recorded, under lock and statement timeouts. Knows nothing of GitHub or Slack.
 */
public final class ReverseTwinEngine {
    private final ReverseTwinOptions options;
    private final ProgressListener listener;

    public ReverseTwinEngine(ReverseTwinOptions options, ProgressListener listener) {
        this.options = options;
        this.listener = listener;
    }

    /** Never throws for a user-caused problem: the result's report and exit code say what happened. */
    public ReverseTwinResult run() {
        throw new UnsupportedOperationException("reverse twin engine: being built");
    }
}
