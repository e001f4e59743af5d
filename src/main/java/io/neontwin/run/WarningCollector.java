package io.neontwin.run;

import io.neontwin.secrets.Secrets;

import java.util.ArrayList;
import java.util.List;

/**
 * Stands between an engine and its face: passes everything on, redacted, and keeps the warnings for the report.
 * Both engines report through one; the twin's subclass passes on its plan and data progress as well.
 */
public class WarningCollector implements RunListener {
    private final RunListener delegate;
    private final List<String> warnings = new ArrayList<>();

    public WarningCollector(RunListener delegate) {
        this.delegate = delegate;
    }

    /** The warnings so far, redacted, each once, in the order they came. */
    public List<String> warnings() {
        synchronized (warnings) {
            return warnings.stream().map(Secrets::redact).distinct().toList();
        }
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

    @Override
    public void connectionRetry(io.neontwin.connection.ConnectionRetry retry) {
        delegate.connectionRetry(retry);
    }
}
