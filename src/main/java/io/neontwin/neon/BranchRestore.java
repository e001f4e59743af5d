package io.neontwin.neon;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Neon's {@code BranchRestoreRequest}: restore a branch from another branch's head (or its own history).
 *
 * @param sourceBranchId    the branch whose state is taken; the parent for a "reset from parent"
 * @param preserveUnderName if given, the branch's previous state is kept under this name (Neon requires it when the
 *                          branch has children, and moves them to the preserved branch); null to discard it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BranchRestore(
        @JsonProperty("source_branch_id") String sourceBranchId,
        @JsonProperty("preserve_under_name") String preserveUnderName) {

    /** A reset from the parent: the branch becomes a fresh copy of its parent's head, its previous state discarded. */
    public static BranchRestore fromParent(NeonBranch branch) {
        return new BranchRestore(branch.parentId(), null);
    }
}
