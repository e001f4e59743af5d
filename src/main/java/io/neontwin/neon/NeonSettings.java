package io.neontwin.neon;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.secrets.Secrets;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the Neon API steps need, from any face. Off (empty) unless both the key and the project are given: without
 * them neon-twin works on any PostgreSQL and never calls Neon.
 *
 * @param twinBranch     the twin's branch, by name or id; null to find it from the twin URL's host
 * @param resetPatterns  which children to reset, by name; empty for all
 * @param resetRequired  whether a branch that failed or stayed busy fails the run (by default it is a warning)
 * @param baseUrl        the API's root, {@link NeonClient#DEFAULT_BASE_URL} unless a test points it elsewhere
 */
public record NeonSettings(String apiKey, String projectId, String twinBranch, BranchPatterns resetPatterns,
                           boolean resetRequired, String baseUrl) {
    /** Neon's own rule for a project id, from its API description. */
    private static final Pattern PROJECT_ID = Pattern.compile("[a-z0-9-]{1,60}");

    /** The names the user gave these inputs in the face at hand ({@code neon-api-key} or {@code --neon-api-key}). */
    public record InputNames(String apiKey, String projectId) {
    }

    @Override
    public String toString() {
        // a record prints every field: the key must not be one of them
        return "NeonSettings[projectId=" + projectId + ", twinBranch=" + twinBranch + "]";
    }

    public static Optional<NeonSettings> of(InputNames names, String apiKey, String projectId, String twinBranch,
                                            List<String> resetPatterns, boolean resetRequired, String baseUrl) {
        Secrets.register(apiKey);
        String key = blankToNull(apiKey);
        String project = blankToNull(projectId);
        if (key == null && project == null) {
            return Optional.empty();
        }
        if (key == null) {
            throw new UserError(ExitCode.INVALID_INPUT, names.projectId() + " is set but " + names.apiKey()
                    + " is empty; give a Neon API key (from a secret) as " + names.apiKey() + ", or unset " + names.projectId() + ".");
        }
        if (project == null) {
            throw new UserError(ExitCode.INVALID_INPUT, names.apiKey() + " is set but " + names.projectId()
                    + " is empty; set " + names.projectId() + " to the project's ID (Neon console, project settings, e.g. 'spring-example-302709').");
        }
        if (!PROJECT_ID.matcher(project).matches()) {
            throw new UserError(ExitCode.INVALID_INPUT, names.projectId() + " is '" + Secrets.redact(project)
                    + "'; a Neon project ID is lower-case letters, digits and hyphens (e.g. 'spring-example-302709'), not its name.");
        }
        String url = blankToNull(baseUrl);
        return Optional.of(new NeonSettings(key, project, blankToNull(twinBranch), new BranchPatterns(resetPatterns),
                resetRequired, url == null ? NeonClient.DEFAULT_BASE_URL : url));
    }

    public NeonClient client() {
        return NeonClient.standard(baseUrl, apiKey, projectId);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
