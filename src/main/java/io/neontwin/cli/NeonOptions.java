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

    private NeonOptions() {
    }

    static Optional<NeonSettings> toSettings(CommandLineOptions options) {
        return NeonSettings.of(NAMES, options.text(OptionTable.NEON_API_KEY), options.text(OptionTable.NEON_PROJECT_ID),
                options.text(OptionTable.TWIN_BRANCH), options.list(OptionTable.RESET_BRANCHES),
                options.flag(OptionTable.RESET_BRANCHES_REQUIRED), options.text(OptionTable.NEON_API_URL));
    }
}
