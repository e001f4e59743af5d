package io.neontwin.cli;

import io.neontwin.neon.NeonSettings;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The Neon API flags of {@code neon-twin twin}: off unless both the key and the project are given. */
public final class NeonOptions {
    private static final NeonSettings.InputNames NAMES = new NeonSettings.InputNames("--neon-api-key", "--neon-project-id");

    @Option(names = "--neon-api-key", paramLabel = "<key>", defaultValue = "${env:NEON_API_KEY}",
            description = "Neon API key (better from NEON_API_KEY): after a refresh, reset the branches below the twin from it.")
    String apiKey;

    @Option(names = "--neon-project-id", paramLabel = "<project-id>", defaultValue = "${env:NEON_PROJECT_ID}",
            description = "The Neon project the twin lives in (its ID), with --neon-api-key.")
    String projectId;

    @Option(names = "--twin-branch", paramLabel = "<branch>", description = "The twin's Neon branch, by name or ID (default: the branch of the twin URL's host).")
    String twinBranch;

    @Option(names = "--reset-branch", paramLabel = "<pattern>", description = "Reset only branches whose name matches this pattern, '*' and '?' wildcards (repeatable; default: all).")
    List<String> resetBranches = new ArrayList<>();

    @Option(names = "--reset-branches-required", description = "Exit with code 17 when a branch reset fails or stays busy (default: a warning).")
    boolean resetRequired;

    /** Where the API is; only tests point it elsewhere, at a local fake. */
    @Option(names = "--neon-api-url", paramLabel = "<url>", hidden = true, defaultValue = "${env:NEON_API_BASE_URL}")
    String baseUrl;

    Optional<NeonSettings> toSettings() {
        return NeonSettings.of(NAMES, apiKey, projectId, twinBranch, resetBranches, resetRequired, baseUrl);
    }
}
