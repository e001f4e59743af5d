package io.neontwin.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What the run did to the Neon branches below the twin after a refresh (only when a Neon API key and project are
 * given).
 *
 * @param project    the Neon project id
 * @param twinBranch the twin's branch name; null when it could not be found
 * @param branches   each branch considered, parents before their children
 * @param error      why no branch could be handled at all (key refused, twin branch unknown), one sentence; else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NeonBranches(String project, String twinBranch, List<BranchReset> branches, String error) {

    public NeonBranches {
        branches = branches == null ? List.of() : List.copyOf(branches);
    }

    public static NeonBranches failed(String project, String twinBranch, String error) {
        return new NeonBranches(project, twinBranch, List.of(), error);
    }

    @JsonIgnore
    public long resetCount() {
        return count(BranchResetResult.RESET);
    }

    public long count(BranchResetResult result) {
        return branches.stream().filter(branch -> branch.result() == result).count();
    }

    /** An error, or a branch that failed or stayed busy: what reset-branches-required fails the run for. */
    @JsonIgnore
    public boolean hasProblems() {
        return error != null || branches.stream().anyMatch(branch -> branch.result().problem());
    }

    /** "3 reset, 1 skipped: protected" or the error: one line for logs, Slack and annotations. */
    @JsonIgnore
    public String oneLine() {
        if (error != null) {
            return "Neon branches not reset: " + error;
        }
        if (branches.isEmpty()) {
            return "Neon: the twin branch " + twinBranch + " has no child branch to reset.";
        }
        StringBuilder line = new StringBuilder("Neon: " + resetCount() + " of " + branches.size() + " branches below "
                + twinBranch + " reset from the fresh twin");
        for (BranchResetResult result : BranchResetResult.values()) {
            long count = count(result);
            if (result != BranchResetResult.RESET && count > 0) {
                line.append(", ").append(count).append(' ').append(result.label());
            }
        }
        return line.append('.').toString();
    }
}
