package io.neontwin.cli;

import io.neontwin.connection.ConnectionRetry;
import io.neontwin.twin.DataProgress;
import io.neontwin.twin.ProgressListener;
import io.neontwin.twin.TwinPlan;

import java.io.PrintStream;

/**
 * For the fault-matrix tests only: with NEON_TWIN_TEST_PAUSE_AT=phase in the environment, the CLI stops when that
 * phase starts (preflight: when its plan is ready, with the snapshot and the twin's lock held) and says so on stderr,
 * so that a test can kill the real process there. The engine knows nothing of it; without the variable the face's
 * listener is used as it is.
 */
final class TestPauseHook implements ProgressListener {
    static final String VARIABLE = "NEON_TWIN_TEST_PAUSE_AT";
    static final String PAUSED = "neon-twin test hook: paused at ";

    private final ProgressListener face;
    private final String phase;
    private final PrintStream err;

    TestPauseHook(ProgressListener face, String phase, PrintStream err) {
        this.face = face;
        this.phase = phase;
        this.err = err;
    }

    static ProgressListener around(ProgressListener face) {
        String phase = System.getenv(VARIABLE);
        return phase == null || phase.isBlank() ? face : new TestPauseHook(face, phase, System.err);
    }

    @Override
    public void planReady(TwinPlan plan) {
        face.planReady(plan);
        if (phase.equals("preflight")) {
            pause();
        }
    }

    @Override
    public void phaseStarted(String started) {
        face.phaseStarted(started);
        if (started.equals(phase) && !phase.equals("preflight")) {
            pause();
        }
    }

    private void pause() {
        err.println(PAUSED + phase);
        err.flush();
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void phaseFinished(String finished, double seconds) {
        face.phaseFinished(finished, seconds);
    }

    @Override
    public void dataProgress(DataProgress progress) {
        face.dataProgress(progress);
    }

    @Override
    public void warning(String message) {
        face.warning(message);
    }

    @Override
    public void info(String message) {
        face.info(message);
    }

    @Override
    public void connectionRetry(ConnectionRetry retry) {
        face.connectionRetry(retry);
    }
}
