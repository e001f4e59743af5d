package io.neontwin.run;

import io.neontwin.report.PhaseTiming;

import java.util.ArrayList;
import java.util.List;

/**
 * Times a run's phases, tells the listener when each starts and ends, and remembers the phase the run is in, which
 * is the phase a failure is reported in.
 */
public final class PhaseClock {
    private final RunListener listener;
    private final List<PhaseTiming> timings = new ArrayList<>();
    private Phase current = Phase.PREFLIGHT;
    private long startedNanos;

    public PhaseClock(RunListener listener) {
        this.listener = listener;
    }

    public void start(Phase phase) {
        current = phase;
        listener.phaseStarted(phase.label());
        startedNanos = System.nanoTime();
    }

    /** Ends the current phase; returns how long it took, in seconds. */
    public double finish() {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        timings.add(new PhaseTiming(current.label(), Rounding.millis(seconds)));
        listener.phaseFinished(current.label(), seconds);
        return seconds;
    }

    public Phase current() {
        return current;
    }

    public List<PhaseTiming> timings() {
        return List.copyOf(timings);
    }
}
