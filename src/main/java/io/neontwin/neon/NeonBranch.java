package io.neontwin.neon;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The fields of Neon's {@code Branch} schema neon-twin reads (the API returns many more; they are ignored).
 *
 * @param parentId     null for the project's root branch
 * @param currentState {@code init}, {@code resetting}, {@code ready} or {@code archived}
 * @param pendingState the state an operation is taking it to; null when none runs
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NeonBranch(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("parent_id") String parentId,
        @JsonProperty("protected") boolean isProtected,
        @JsonProperty("current_state") String currentState,
        @JsonProperty("pending_state") String pendingState) {

    /** Being created or reset, or about to change state: an operation holds it. */
    public boolean busy() {
        return "init".equals(currentState) || "resetting".equals(currentState) || pendingState != null;
    }
}
