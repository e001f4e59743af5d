package io.neontwin.cli;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;

/** The two connection strings every command that touches both databases takes, checked the same way in each. */
final class DatabaseUrls {
    private DatabaseUrls() {
    }

    /** Both must be given, by option or environment, before anything else is checked. */
    static void requirePresent(String productionUrl, String twinUrl) {
        if (productionUrl == null || productionUrl.isBlank()) {
            throw new UserError(ExitCode.INVALID_INPUT, "--production-url is missing; pass production's connection string (or set NEON_TWIN_PRODUCTION_URL).");
        }
        if (twinUrl == null || twinUrl.isBlank()) {
            throw new UserError(ExitCode.INVALID_INPUT, "--twin-url is missing; pass the twin's connection string (or set NEON_TWIN_TWIN_URL).");
        }
    }
}
