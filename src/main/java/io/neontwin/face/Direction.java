package io.neontwin.face;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;

import java.util.Locale;

/**
 * Which way the run goes. The inputs name databases by role (production-url, twin-url), never "source" and
 * "target", so choosing a direction can never change which database gets overwritten: twin replaces the twin;
 * reverse-twin writes production only with the migrations in the repository, after rehearsing them on the twin.
 */
public enum Direction {
    /** Production is read, the twin is replaced. */
    TWIN("twin"),
    /** Migrations are rehearsed on the twin (rolled back), then applied to production. */
    REVERSE_TWIN("reverse-twin");

    private final String yamlValue;

    Direction(String yamlValue) {
        this.yamlValue = yamlValue;
    }

    /** As written under {@code with:}. */
    public String yamlValue() {
        return yamlValue;
    }

    public static Direction parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "twin" -> TWIN;
            case "reverse-twin" -> REVERSE_TWIN;
            default -> throw new UserError(ExitCode.INVALID_INPUT,
                    "Input 'direction' is '" + text + "'; use twin (copy production into the twin) or reverse-twin "
                            + "(apply the repository's migrations to production after rehearsing them on the twin).");
        };
    }
}
