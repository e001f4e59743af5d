package io.neontwin.neon;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;

/**
 * The Neon calls of a refresh by branch swap (refresh-mode: branch), and of its rollback. The twin branch is never
 * replaced: it is restored from the branch the new twin was loaded into, so its connection string stays the same; its
 * previous state is kept as a branch named {@code <twin>-previous-<yyyyMMdd-HHmmss>} (UTC), and only the newest
 * {@code keep} of those are kept. Not yet wired into a face: see docs/neon.md.
 */
public final class TwinBranchSwap {

    private final NeonClient client;
    private final Clock clock;

    public TwinBranchSwap(NeonClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** The prefix of the names the twin's previous states are kept under; the time after it sorts as the name does. */
    public static String previousPrefix(NeonBranch twin) {
        return twin.name() + "-previous-";
    }

    /**
     * The twin branch takes the loaded branch's state; the state it had is kept under a dated name, the loaded branch
     * is deleted, and of the kept states only the newest {@code keep} remain.
     *
     * @return the name the previous twin is kept under
     */
    public String swap(NeonBranch twin, NeonBranch loaded, int keep) {
        String preserved = previousPrefix(twin) + BranchNameTime.of(clock.instant());
        client.restoreBranch(twin.id(), new BranchRestore(loaded.id(), preserved));
        client.deleteBranch(loaded.id());
        prune(twin, keep);
        return preserved;
    }

    /**
     * neon-twin rollback: the twin branch takes back its newest kept state, which is then deleted (a second rollback
     * goes one further back); the state rolled away from is discarded, as a refresh from production rebuilds it.
     *
     * @return the name of the kept state the twin now holds
     */
    public String rollback(NeonBranch twin) {
        NeonBranch previous = kept(twin).stream().findFirst().orElseThrow(() -> new NeonApiError(404, "Neon project "
                + client.projectId() + " keeps no previous twin (no branch named " + previousPrefix(twin) + "...); there is "
                + "nothing to roll back to: refresh the twin from production instead."));
        client.restoreBranch(twin.id(), new BranchRestore(previous.id(), null));
        client.deleteBranch(previous.id());
        return previous.name();
    }

    /** Deletes the kept states beyond the newest {@code keep}. */
    void prune(NeonBranch twin, int keep) {
        List<NeonBranch> kept = kept(twin);
        kept.stream().skip(Math.max(keep, 0)).forEach(old -> client.deleteBranch(old.id()));
    }

    /** The twin's kept previous states, newest first. */
    private List<NeonBranch> kept(NeonBranch twin) {
        return client.branches().stream().filter(branch -> branch.name().startsWith(previousPrefix(twin)))
                .sorted(Comparator.comparing(NeonBranch::name).reversed()).toList();
    }
}
