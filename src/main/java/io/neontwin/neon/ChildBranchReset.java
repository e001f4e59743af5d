package io.neontwin.neon;

import io.neontwin.errors.ErrorText;
import io.neontwin.report.BranchReset;
import io.neontwin.report.BranchResetResult;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resets the branches below the twin from their parents, so that they hold the fresh twin's data.
 *
 * <p>Order and grandchildren: Neon restores a branch that has children only with {@code preserve_under_name}, and
 * then moves those children onto the preserved (old) copy, away from the branch. A developer's branch with children
 * of its own is therefore left alone and reported ("has children"), and so are its descendants: resetting them from a
 * parent that still holds yesterday's data would bring nothing new. The walk goes parents first (breadth first from
 * the twin) so that a branch is only ever reset from a parent that is already fresh.
 */
public final class ChildBranchReset {
    private final NeonClient client;

    public ChildBranchReset(NeonClient client) {
        this.client = client;
    }

    /**
     * @param branches   every branch of the project, as listed just before
     * @param production the branches that serve the production URL: never reset, whatever the patterns say
     */
    public List<BranchReset> run(NeonBranch twin, List<NeonBranch> branches, BranchPatterns selected, Set<String> production) {
        Map<String, List<NeonBranch>> childrenOf = branches.stream().filter(branch -> branch.parentId() != null)
                .sorted(Comparator.comparing(NeonBranch::name))
                .collect(Collectors.groupingBy(NeonBranch::parentId));
        Map<String, String> names = branches.stream().collect(Collectors.toMap(NeonBranch::id, NeonBranch::name, (a, b) -> a));
        Set<String> fresh = new HashSet<>(Set.of(twin.id()));
        List<BranchReset> results = new ArrayList<>();
        Deque<NeonBranch> queue = new ArrayDeque<>(childrenOf.getOrDefault(twin.id(), List.of()));
        while (!queue.isEmpty()) {
            NeonBranch branch = queue.removeFirst();
            List<NeonBranch> children = childrenOf.getOrDefault(branch.id(), List.of());
            queue.addAll(children);
            if (!selected.matches(branch.name())) {
                continue;
            }
            String parent = names.getOrDefault(branch.parentId(), branch.parentId());
            BranchReset result = production.contains(branch.id())
                    ? skipped(branch, parent, BranchResetResult.SKIPPED_PRODUCTION, "it serves the production URL, and neon-twin never writes to production.")
                    : resetOne(branch, parent, !children.isEmpty(), fresh.contains(branch.parentId()));
            if (result.result() == BranchResetResult.RESET) {
                fresh.add(branch.id());
            }
            results.add(result);
        }
        return results;
    }

    private BranchReset resetOne(NeonBranch branch, String parent, boolean hasChildren, boolean parentFresh) {
        if (!parentFresh) {
            return skipped(branch, parent, BranchResetResult.SKIPPED_PARENT_NOT_RESET,
                    "its parent " + parent + " was not reset, so it would get no fresh data.");
        }
        if (branch.isProtected()) {
            return skipped(branch, parent, BranchResetResult.SKIPPED_PROTECTED,
                    "Neon does not reset a protected branch; unprotect it or leave it out of reset-branches.");
        }
        if (hasChildren) {
            return skipped(branch, parent, BranchResetResult.SKIPPED_HAS_CHILDREN,
                    "Neon resets a branch with children only by moving them to a saved copy; delete its children or reset it by hand.");
        }
        if (branch.busy()) {
            return skipped(branch, parent, BranchResetResult.BUSY, "it is " + (branch.pendingState() != null
                    ? "changing to " + branch.pendingState() : branch.currentState()) + "; it will be reset on the next refresh.");
        }
        try {
            client.restoreBranch(branch.id(), BranchRestore.fromParent(branch));
            return new BranchReset(branch.name(), branch.id(), parent, BranchResetResult.RESET, null);
        } catch (NeonApiError error) {
            return skipped(branch, parent, error.locked() ? BranchResetResult.BUSY : BranchResetResult.FAILED,
                    ErrorText.firstLine(error));
        }
    }

    private static BranchReset skipped(NeonBranch branch, String parent, BranchResetResult result, String reason) {
        return new BranchReset(branch.name(), branch.id(), parent, result, reason);
    }
}
