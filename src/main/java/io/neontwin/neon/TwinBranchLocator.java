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

    public static NeonBranch locate(NeonClient client, List<NeonBranch> branches, String twinBranch, String twinHost) {
        if (twinBranch != null) {
            return branches.stream().filter(branch -> twinBranch.equals(branch.id()) || twinBranch.equals(branch.name()))
                    .findFirst()
                    .orElseThrow(() -> new NeonApiError(404, "twin-branch '" + twinBranch + "' is neither the name nor the id of a branch in Neon project "
                            + client.projectId() + "; set it to the twin's branch (Neon console, Branches) or leave it empty to use the twin URL's."));
        }
        String host = twinHost.toLowerCase(Locale.ROOT);
        NeonEndpoint endpoint = client.endpoints().stream().filter(candidate -> servesHost(candidate, host)).findFirst()
                .orElseThrow(() -> new NeonApiError(404, "The twin URL's host " + twinHost + " is not an endpoint of Neon project "
                        + client.projectId() + "; check neon-project-id, or name the twin's branch in twin-branch."));
        return findById(branches, endpoint.branchId())
                .orElseThrow(() -> new NeonApiError(404, "Endpoint " + endpoint.id() + " of Neon project " + client.projectId()
                        + " belongs to branch " + endpoint.branchId() + ", which the branch list does not hold; run again, or set twin-branch."));
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
