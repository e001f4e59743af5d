package io.neontwin.action;

import io.neontwin.connection.ConnectionSpec;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.face.Direction;
import io.neontwin.face.FromOptions;
import io.neontwin.face.OptionTable;
import io.neontwin.face.RehearseOn;
import io.neontwin.neon.NeonSettings;
import io.neontwin.notify.NotifySettings;
import io.neontwin.reversetwin.MigrationFolder;
import io.neontwin.reversetwin.MigrationVersion;
import io.neontwin.reversetwin.PgDuration;
import io.neontwin.reversetwin.ReverseTwinOptions;
import io.neontwin.secrets.ConnectionSecrets;
import io.neontwin.secrets.Secrets;
import io.neontwin.twin.TwinOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The inputs, validated and turned into what the engine of the chosen direction and the notifier take.
 *
 * @param twinOptions    for direction twin; null on a reverse-twin run
 * @param reverseOptions for direction reverse-twin; null on a twin run
 * @param migrationsPath the migrations-path input as the user wrote it, tidied ({@code ./migrations/} becomes
 *                       {@code migrations}): annotations name files relative to the repository with it
 * @param reportFile     the report's path as the user wrote it (relative to the workspace unless absolute): it is also
 *                       the {@code report-path} output, which later steps read on the runner, where the container's
 *                       paths do not exist
 * @param warnings       inputs given that the chosen direction ignores, one sentence each
 * @param neon           the Neon API step after a refresh; null when off (no key and project, or a reverse-twin run)
 */
public record ActionSettings(Direction direction, TwinOptions twinOptions, ReverseTwinOptions reverseOptions,
                             String migrationsPath, String reportFile, NotifySettings notifications, List<String> warnings,
                             NeonSettings neon) {

    private static final NeonSettings.InputNames NEON_INPUTS = new NeonSettings.InputNames(
            "Input '" + OptionTable.NEON_API_KEY.yamlName() + "'", "Input '" + OptionTable.NEON_PROJECT_ID.yamlName() + "'");

    /**
     * Registers every secret among the inputs. Called first, before any validation, so that even an input that
     * fails to parse is masked before its error is printed.
     */
    public static void registerSecrets(ActionEnvironment environment) {
        for (OptionTable input : OptionTable.actionInputs()) {
            if (!input.secret()) {
                continue;
            }
            environment.input(input).ifPresent(value -> {
                if (input == OptionTable.PRODUCTION_URL || input == OptionTable.TWIN_URL) {
                    ConnectionSecrets.register(value);
                } else {
                    Secrets.register(value); // a webhook URL is a credential as a whole
                }
            });
        }
    }

    /** Relative paths (migrations-path) resolve against the current folder: for tests and runs outside GitHub. */
    public static ActionSettings from(ActionInputs inputs) {
        return from(inputs, Path.of("").toAbsolutePath());
    }

    /** @param workspace the checked-out repository, which migrations-path is relative to */
    public static ActionSettings from(ActionInputs inputs, Path workspace) {
        String productionUrl = inputs.required(OptionTable.PRODUCTION_URL);
        String twinUrl = inputs.required(OptionTable.TWIN_URL);
        Direction direction = Direction.parse(inputs.text(OptionTable.DIRECTION));
        ConnectionSpec production = ConnectionSpec.parse(OptionTable.PRODUCTION_URL.yamlName(), productionUrl);
        ConnectionSpec twin = ConnectionSpec.parse(OptionTable.TWIN_URL.yamlName(), twinUrl);
        io.neontwin.run.SessionSafety.refuseSameDatabaseByUrl(production, twin);
        TwinOptions twinOptions = null;
        ReverseTwinOptions reverseOptions = null;
        String migrationsPath = tidy(inputs.text(OptionTable.MIGRATIONS_PATH));
        if (direction == Direction.TWIN) {
            twinOptions = FromOptions.twinOptions(inputs, production, twin);
        } else {
            Path migrationsDir = workspace.resolve(migrationsPath).normalize();
            refuseOutside(workspace, migrationsDir, migrationsPath);
            reverseOptions = new ReverseTwinOptions(production, twin, migrationsDir,
                    inputs.text(OptionTable.HISTORY_TABLE),
                    PgDuration.parse(quoted(OptionTable.LOCK_TIMEOUT), inputs.text(OptionTable.LOCK_TIMEOUT)),
                    PgDuration.parse(quoted(OptionTable.STATEMENT_TIMEOUT), inputs.text(OptionTable.STATEMENT_TIMEOUT)),
                    inputs.number(OptionTable.LOCK_RETRIES),
                    inputs.flag(OptionTable.DRY_RUN),
                    inputs.flag(OptionTable.OUT_OF_ORDER),
                    MigrationVersion.optionalInput(quoted(OptionTable.BASELINE_VERSION), inputs.text(OptionTable.BASELINE_VERSION)),
                    inputs.flag(OptionTable.FORCE));
        }
        NotifySettings notify = FromOptions.notifySettings(inputs);
        java.util.Optional<NeonSettings> neonGiven = NeonSettings.of(NEON_INPUTS,
                inputs.text(OptionTable.NEON_API_KEY), inputs.text(OptionTable.NEON_PROJECT_ID), inputs.text(OptionTable.TWIN_BRANCH),
                inputs.list(OptionTable.RESET_BRANCHES), inputs.flag(OptionTable.RESET_BRANCHES_REQUIRED),
                inputs.environment().neonApiBaseUrl().orElse(null));
        if (reverseOptions != null) {
            reverseOptions = reverseOptions.withRehearsalBranches(RehearseOn.parse(quoted(OptionTable.REHEARSE_ON),
                    inputs.text(OptionTable.REHEARSE_ON)).branches(neonGiven, quoted(OptionTable.REHEARSE_ON), NEON_INPUTS));
        }
        // the reverse twin uses Neon only to rehearse (above): no branch follows it
        NeonSettings neon = direction != Direction.TWIN ? null : neonGiven.orElse(null);
        if (reverseOptions != null) {
            // After every other input: a bad input is reported as such, not as a missing folder.
            MigrationFolder.load(reverseOptions.migrationsDir(), quoted(OptionTable.MIGRATIONS_PATH));
        }
        return new ActionSettings(direction, twinOptions, reverseOptions, migrationsPath, inputs.text(OptionTable.REPORT_FILE),
                notify, ignoredInputs(inputs, direction), neon);
    }

    /**
     * The action runs the folder's files on production: they must be the repository's, reviewed with it, not a path
     * elsewhere on the runner ("/etc", "../..", a link out of the checkout).
     */
    private static void refuseOutside(Path workspace, Path migrationsDir, String migrationsPath) {
        Path root = realIfExists(workspace.toAbsolutePath().normalize());
        if (!realIfExists(migrationsDir.toAbsolutePath().normalize()).startsWith(root)) {
            throw new UserError(ExitCode.INVALID_INPUT, quoted(OptionTable.MIGRATIONS_PATH) + " is '" + migrationsPath
                    + "', which is outside the repository (GITHUB_WORKSPACE); point it at the migrations folder in the repository.");
        }
    }

    private static Path realIfExists(Path path) {
        try {
            return java.nio.file.Files.exists(path) ? path.toRealPath() : path;
        } catch (java.io.IOException e) {
            return path;
        }
    }

    /** Inputs set to something other than their default that the chosen direction does not read. */
    static List<String> ignoredInputs(ActionInputs inputs, Direction direction) {
        List<String> warnings = new ArrayList<>();
        for (OptionTable input : OptionTable.actionInputs()) {
            Direction only = input.onlyFor();
            if (only != null && only != direction && inputs.givenOtherThanDefault(input)) {
                warnings.add("Input '" + input.yamlName() + "' applies to direction " + only.yamlValue()
                        + " only; this " + direction.yamlValue() + " run ignores it.");
            }
        }
        return List.copyOf(warnings);
    }

    private static String quoted(OptionTable input) {
        return "Input '" + input.yamlName() + "'";
    }

    /** {@code ./migrations/} and {@code migrations} name the same folder; annotations want the latter. */
    static String tidy(String path) {
        String tidy = path == null || path.isBlank() ? OptionTable.MIGRATIONS_PATH.defaultValue() : path.strip().replace('\\', '/');
        while (tidy.startsWith("./")) {
            tidy = tidy.substring(2);
        }
        while (tidy.length() > 1 && tidy.endsWith("/")) {
            tidy = tidy.substring(0, tidy.length() - 1);
        }
        return tidy.isEmpty() || tidy.equals(".") ? "." : tidy;
    }
}
