package io.neontwin.twin;

/** Placeholder while the pipeline is written. */
public final class TwinEngine {
    private final TwinOptions options;
    private final ProgressListener listener;

    public TwinEngine(TwinOptions options, ProgressListener listener) {
        this.options = options;
        this.listener = listener;
    }

    public TwinResult run() {
        throw new UnsupportedOperationException("engine not written yet");
    }
}
