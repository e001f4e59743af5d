package io.neontwin.neon;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The fields of Neon's {@code Endpoint} schema neon-twin reads: which branch a connection host belongs to. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NeonEndpoint(
        @JsonProperty("id") String id,
        @JsonProperty("host") String host,
        @JsonProperty("branch_id") String branchId) {
}
