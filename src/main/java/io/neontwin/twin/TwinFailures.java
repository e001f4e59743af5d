package io.neontwin.twin;

import io.neontwin.errors.ExitCode;
import io.neontwin.run.FailureClassifier;

/** How the twin words a failure nothing more specific caught: its copy failed, and the previous twin is kept. */
final class TwinFailures {
    static final FailureClassifier CLASSIFIER = new FailureClassifier(ExitCode.COPY_FAILED, ExitCode.COPY_FAILED,
            "the previous twin is kept");

    private TwinFailures() {
    }
}
