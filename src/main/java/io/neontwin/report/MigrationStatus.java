package io.neontwin.report;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where a migration stands on production after the run. */
public enum MigrationStatus {
    APPLIED, PENDING, FAILED;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
