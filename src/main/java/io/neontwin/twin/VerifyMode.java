package io.neontwin.twin;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;

import java.util.Locale;

/** How the twin is checked after the copy. */
public enum VerifyMode {
    /** Rows streamed per table equal rows in the twin. */
    COUNTS,
    /** Per-table content hashes of what was read from production's snapshot equal those of the twin. */
    CHECKSUMS,
    NONE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static VerifyMode parse(String inputName, String text) {
        for (VerifyMode mode : values()) {
            if (mode.label().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return mode;
            }
        }
        throw new UserError(ExitCode.INVALID_INPUT, inputName + " is '" + text + "'; use counts, checksums or none.");
    }
}
