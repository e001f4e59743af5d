package io.neontwin.report;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Where a migration stands on production after the run. SKIPPED: pending when the run planned, but found applied by
 * someone else (a migrator that ignores neon-twin's lock) when this run came to apply it; this run did not run it.
 */
public enum MigrationStatus {
    APPLIED, PENDING, FAILED, SKIPPED;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
