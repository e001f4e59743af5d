package io.neontwin.action;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;

import java.util.Locale;

/**
 * Which way the run goes. The inputs name databases by role (production-url, twin-url), never "source" and
 * "target", so choosing a direction can never change which database gets overwritten.
 */
public enum Direction {
    /** Production is read, the twin is replaced. */
    TWIN;

    public static Direction parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "twin" -> TWIN;
            case "reverse-twin" -> throw new UserError(ExitCode.INVALID_INPUT,
                    "Input 'direction' is 'reverse-twin', which this version does not support yet (it arrives with its own release); "
                            + "use direction: twin.");
            default -> throw new UserError(ExitCode.INVALID_INPUT,
                    "Input 'direction' is '" + text + "'; use twin (copy production into the twin).");
        };
    }
}
