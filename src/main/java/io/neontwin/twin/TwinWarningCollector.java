package io.neontwin.twin;

import io.neontwin.run.WarningCollector;

/** The run's warning collector, passing on what only the twin tells: its plan and the data phase's progress. */
final class TwinWarningCollector extends WarningCollector implements ProgressListener {
    private final ProgressListener delegate;

    TwinWarningCollector(ProgressListener delegate) {
        super(delegate);
        this.delegate = delegate;
    }

    @Override
    public void planReady(TwinPlan plan) {
        delegate.planReady(plan);
    }

    @Override
    public void dataProgress(DataProgress progress) {
        delegate.dataProgress(progress);
    }
}
