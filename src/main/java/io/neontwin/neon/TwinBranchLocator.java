package io.neontwin.neon;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the twin's branch in the project: by the name or id the user gave, or else through the endpoint whose host
 * the twin URL connects to (a Neon host is {@code <endpoint-id>[-pooler].<region>.aws.neon.tech}).
 */
public final class TwinBranchLocator {
    private static final String POOLER_SUFFIX = "-pooler";

    private TwinBranchLocator() {
    }

    /** @param endpoints the project's endpoints, to find the branch from the twin URL's host */
    public static NeonBranch locate(String projectId, List<NeonBranch> branches, List<NeonEndpoint> endpoints, String twinBranch,
                                    String twinHost) {
        if (twinBranch != null) {
            return branches.stream().filter(branch -> twinBranch.equals(branch.id()) || twinBranch.equals(branch.name()))
                    .findFirst()
                    .orElseThrow(() -> new NeonApiError(404, "twin-branch '" + twinBranch + "' is neither the name nor the id of a branch in Neon project "
                            + projectId + "; set it to the twin's branch (Neon console, Branches) or leave it empty to use the twin URL's."));
        }
        String branchId = branchServing(endpoints, twinHost)
                .orElseThrow(() -> new NeonApiError(404, "The twin URL's host " + twinHost + " is not an endpoint of Neon project "
                        + projectId + "; check neon-project-id, or name the twin's branch in twin-branch."));
        return findById(branches, branchId)
                .orElseThrow(() -> new NeonApiError(404, "The twin URL's host " + twinHost + " belongs to branch " + branchId
                        + " of Neon project " + projectId + ", which the branch list does not hold; run again, or set twin-branch."));
    }

    /** The id of the branch whose endpoint serves this host, if any endpoint of the project does. */
    public static Optional<String> branchServing(List<NeonEndpoint> endpoints, String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return endpoints.stream().filter(endpoint -> servesHost(endpoint, lower)).map(NeonEndpoint::branchId).findFirst();
    }

    /** The pooled host adds "-pooler" to the endpoint id; the API lists the direct host only. */
    static boolean servesHost(NeonEndpoint endpoint, String host) {
        String direct = host;
        int dot = host.indexOf('.');
        String firstLabel = dot < 0 ? host : host.substring(0, dot);
        if (firstLabel.endsWith(POOLER_SUFFIX)) {
            direct = firstLabel.substring(0, firstLabel.length() - POOLER_SUFFIX.length()) + (dot < 0 ? "" : host.substring(dot));
        }
        return direct.equalsIgnoreCase(endpoint.host()) || host.equalsIgnoreCase(endpoint.host());
    }

    static Optional<NeonBranch> findById(List<NeonBranch> branches, String id) {
        return branches.stream().filter(branch -> branch.id().equals(id)).findFirst();
    }
}
