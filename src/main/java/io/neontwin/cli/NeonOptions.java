package io.neontwin.cli;

import io.neontwin.face.CommandLineOptions;
import io.neontwin.face.OptionTable;
import io.neontwin.neon.NeonSettings;

import java.util.Optional;

/** The Neon API options of {@code neon-twin twin} (in {@link OptionTable}): off unless both the key and the project are given. */
final class NeonOptions {
    private static final NeonSettings.InputNames NAMES = new NeonSettings.InputNames(
            OptionTable.NEON_API_KEY.cliName(), OptionTable.NEON_PROJECT_ID.cliName());

    /** The options, in the order --help lists them after the notification options. */
    static final java.util.List<OptionTable> OPTIONS = java.util.List.of(OptionTable.NEON_API_KEY, OptionTable.NEON_PROJECT_ID,
            OptionTable.TWIN_BRANCH, OptionTable.RESET_BRANCHES, OptionTable.RESET_BRANCHES_REQUIRED, OptionTable.NEON_API_URL);

    /** Those of {@code neon-twin reverse-twin}: where --rehearse-on branch makes its branch. */
    static final java.util.List<OptionTable> REHEARSAL_OPTIONS = java.util.List.of(OptionTable.NEON_API_KEY,
            OptionTable.NEON_PROJECT_ID, OptionTable.TWIN_BRANCH, OptionTable.NEON_API_URL);

    private NeonOptions() {
    }

    static Optional<NeonSettings> toSettings(CommandLineOptions options) {
        return NeonSettings.of(NAMES, options.text(OptionTable.NEON_API_KEY), options.text(OptionTable.NEON_PROJECT_ID),
                options.text(OptionTable.TWIN_BRANCH), options.list(OptionTable.RESET_BRANCHES),
                options.flag(OptionTable.RESET_BRANCHES_REQUIRED), options.text(OptionTable.NEON_API_URL));
    }

    /** The reverse twin's: no branch is reset there, so only the project, the key and the twin branch count. */
    static io.neontwin.run.RehearsalBranches rehearsalBranches(CommandLineOptions options) {
        Optional<NeonSettings> settings = NeonSettings.of(NAMES, options.text(OptionTable.NEON_API_KEY),
                options.text(OptionTable.NEON_PROJECT_ID), options.text(OptionTable.TWIN_BRANCH), java.util.List.of(), false,
                options.text(OptionTable.NEON_API_URL));
        return io.neontwin.face.RehearseOn.parse(OptionTable.REHEARSE_ON.cliName(), options.text(OptionTable.REHEARSE_ON))
                .branches(settings, OptionTable.REHEARSE_ON.cliName(), NAMES);
    }
}
