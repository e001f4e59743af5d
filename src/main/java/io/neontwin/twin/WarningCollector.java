package io.neontwin.twin;

import io.neontwin.secrets.Secrets;

import java.util.List;

/**
 * Stands between an engine and its face: passes everything on, redacted, and keeps the warnings for the report.
 * Both engines (the twin and the reverse twin) report through one.
 */
public record WarningCollector(ProgressListener delegate, List<String> warnings) implements ProgressListener {
    @Override
    public void planReady(TwinPlan plan) {
        delegate.planReady(plan);
    }

    @Override
    public void phaseStarted(String phase) {
        delegate.phaseStarted(phase);
    }

    @Override
    public void phaseFinished(String phase, double seconds) {
        delegate.phaseFinished(phase, seconds);
    }

    @Override
    public void dataProgress(DataProgress progress) {
        delegate.dataProgress(progress);
    }

    @Override
    public void warning(String message) {
        synchronized (warnings) {
            warnings.add(message);
        }
        delegate.warning(Secrets.redact(message));
    }

    @Override
    public void info(String message) {
        delegate.info(Secrets.redact(message));
    }
}
