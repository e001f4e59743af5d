package io.neontwin.neon;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Neon's {@code BranchCreateRequest} as neon-twin sends it: a named branch of a parent's head, optionally expiring by
 * itself and with a read-write compute to connect to.
 *
 * @param expiresAt          when Neon deletes the branch by itself (a safety net should neon-twin not get to delete it);
 *                           null for never
 * @param readWriteEndpoint  whether to start a read-write compute on it (needed to connect)
 */
public record BranchCreate(String name, String parentId, Instant expiresAt, boolean readWriteEndpoint) {

    /** The JSON body: {@code {"branch": {...}, "endpoints": [{"type": "read_write"}]}}. */
    Map<String, Object> body() {
        Map<String, Object> branch = new LinkedHashMap<>();
        branch.put("name", name);
        branch.put("parent_id", parentId);
        if (expiresAt != null) {
            // RFC 3339 with seconds precision, as the API asks
            branch.put("expires_at", expiresAt.truncatedTo(ChronoUnit.SECONDS).toString());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("branch", branch);
        if (readWriteEndpoint) {
            body.put("endpoints", List.of(Map.of("type", "read_write")));
        }
        return body;
    }
}
