package io.neontwin.neon;

import io.neontwin.errors.ErrorText;
import io.neontwin.errors.ExitCode;
import io.neontwin.report.NeonBranches;
import io.neontwin.report.Outcome;
import io.neontwin.report.TwinReport;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Function;

/**
 * The step the faces run after a successful refresh: find the twin's branch, then reset the branches below it from
 * their parents. Never throws for what Neon answers: a failure to even start (key refused, twin branch unknown)
 * becomes the result's error, so that the face decides whether it fails the run.
 */
public final class BranchesFollowTwin {
    private final Function<NeonSettings, NeonClient> clients;

    public BranchesFollowTwin(Function<NeonSettings, NeonClient> clients) {
        this.clients = clients;
    }

    public static BranchesFollowTwin standard() {
        return new BranchesFollowTwin(NeonSettings::client);
    }

    /**
     * The step after a refresh: a run that succeeded gets its Neon branches reset and listed in its report; a dry run
     * or a failed run is returned as it is (the branches must not follow a twin that was not refreshed).
     */
    public TwinReport afterRefresh(TwinReport report, NeonSettings settings, String twinHost, String productionHost) {
        if (report.outcome() != Outcome.SUCCEEDED) {
            return report;
        }
        return report.withNeonBranches(run(settings, twinHost, productionHost));
    }

    /** What the Neon step adds to the run's exit code: NEON_API only when asked to fail on problems. */
    public static ExitCode exitCode(NeonBranches branches, NeonSettings settings) {
        return branches != null && settings.resetRequired() && branches.hasProblems() ? ExitCode.NEON_API : ExitCode.OK;
    }

    /**
     * @param twinHost       the host of the twin URL, which names the twin branch's endpoint
     * @param productionHost the host of the production URL: should production be a branch below the twin in this
     *                       project, it is never reset
     */
    public NeonBranches run(NeonSettings settings, String twinHost, String productionHost) {
        String twinName = null;
        try {
            NeonClient client = clients.apply(settings);
            List<NeonBranch> branches = client.branches();
            List<NeonEndpoint> endpoints = client.endpoints();
            NeonBranch twin = TwinBranchLocator.locate(client.projectId(), branches, endpoints, settings.twinBranch(), twinHost);
            twinName = twin.name();
            Set<String> production = TwinBranchLocator.branchServing(endpoints, productionHost).stream().collect(Collectors.toSet());
            return new NeonBranches(settings.projectId(), twinName, new ChildBranchReset(client).run(twin, branches,
                    settings.resetPatterns(), production), null);
        } catch (NeonApiError error) {
            return NeonBranches.failed(settings.projectId(), twinName, ErrorText.firstLine(error));
        }
    }
}
