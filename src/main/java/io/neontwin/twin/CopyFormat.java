package io.neontwin.twin;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;

import java.util.Locale;

/**
 * Which COPY format streams use. Binary skips text parsing on the twin, but its encoding of a type is only certain
 * to match between servers of the same major, so it is used only there and only for built-in types. The benchmark
 * compares both: the faces turn NEON_TWIN_COPY_FORMAT=text into {@link #TEXT}; the engine reads no environment.
 */
public enum CopyFormat {
    /** Binary where it is safe (same major, built-in types, no checksums), text elsewhere: the default. */
    AUTO,
    /** Text everywhere. */
    TEXT;

    /** Empty means {@link #AUTO}; anything but auto or text is named with the input it came from. */
    public static CopyFormat parse(String inputName, String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "auto", "binary" -> AUTO;
            case "text" -> TEXT;
            default -> throw new UserError(ExitCode.INVALID_INPUT, inputName + " is '" + text + "'; use text (or auto, the default).");
        };
    }

    boolean binaryAllowed() {
        return this == AUTO;
    }
}
