package io.neontwin.neon;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The fields of Neon's {@code Operation} schema neon-twin reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NeonOperation(
        @JsonProperty("id") String id,
        @JsonProperty("action") String action,
        @JsonProperty("status") String status,
        @JsonProperty("error") String error) {

    public OperationStatus state() {
        return OperationStatus.parse(status);
    }
}
