package io.neontwin.report;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How a migration's rehearsal on the twin went: it ran and was rolled back (passed), failed, or never ran. */
public enum RehearsalOutcome {
    PASSED, FAILED, NOT_RUN;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
