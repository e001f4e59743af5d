package io.neontwin.report;

import com.fasterxml.jackson.annotation.JsonValue;

/** What became of one Neon branch below the twin after a refresh. */
public enum BranchResetResult {
    /** Restored from its parent's head: it now holds the fresh twin's data. */
    RESET("reset", false),
    /** It serves the production URL: neon-twin never writes to production, below the twin or not. */
    SKIPPED_PRODUCTION("skipped: production", false),
    /** Neon refuses to reset a protected branch; it keeps its data. */
    SKIPPED_PROTECTED("skipped: protected", false),
    /** Neon resets a branch that has children only by moving them to a saved copy; neon-twin leaves it alone. */
    SKIPPED_HAS_CHILDREN("skipped: has children", false),
    /** Its parent was not reset, so resetting it from that parent would bring no fresh data. */
    SKIPPED_PARENT_NOT_RESET("skipped: parent not reset", false),
    /** An operation held the branch (locked, resetting, being created) past the retries. */
    BUSY("skipped: busy", true),
    /** Neon refused or failed the reset; the reason says why. */
    FAILED("failed", true);

    private final String label;
    private final boolean problem;

    BranchResetResult(String label, boolean problem) {
        this.label = label;
        this.problem = problem;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** A result reset-branches-required turns into a failed run: not a choice of the user's setup, but a failure. */
    public boolean problem() {
        return problem;
    }
}
