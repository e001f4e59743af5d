package io.neontwin.report;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

public enum Outcome {
    SUCCEEDED, PLANNED, FAILED;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
