package io.neontwin.action;

import io.neontwin.face.Direction;
import io.neontwin.connection.ConnectionSpec;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.neon.NeonSettings;
import io.neontwin.notify.NotifySettings;
import io.neontwin.notify.NotifyWhen;
import io.neontwin.reversetwin.MigrationFolder;
import io.neontwin.reversetwin.MigrationVersion;
import io.neontwin.reversetwin.PgDuration;
import io.neontwin.reversetwin.ReverseTwinOptions;
import io.neontwin.secrets.ConnectionSecrets;
import io.neontwin.secrets.Secrets;
import io.neontwin.twin.TwinOptions;
import io.neontwin.twin.VerifyMode;

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
            "Input '" + ActionInput.NEON_API_KEY.yamlName() + "'", "Input '" + ActionInput.NEON_PROJECT_ID.yamlName() + "'");

    /**
     * Registers every secret among the inputs. Called first, before any validation, so that even an input that
     * fails to parse is masked before its error is printed.
     */
    public static void registerSecrets(ActionEnvironment environment) {
        for (ActionInput input : ActionInput.values()) {
            if (!input.secret()) {
                continue;
            }
            environment.input(input).ifPresent(value -> {
                if (input == ActionInput.PRODUCTION_URL || input == ActionInput.TWIN_URL) {
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
        String productionUrl = inputs.required(ActionInput.PRODUCTION_URL);
        String twinUrl = inputs.required(ActionInput.TWIN_URL);
        Direction direction = Direction.parse(inputs.text(ActionInput.DIRECTION));
        ConnectionSpec production = ConnectionSpec.parse(ActionInput.PRODUCTION_URL.yamlName(), productionUrl);
        ConnectionSpec twin = ConnectionSpec.parse(ActionInput.TWIN_URL.yamlName(), twinUrl);
        io.neontwin.twin.SafetyChecks.refuseSameDatabaseByUrl(production, twin);
        TwinOptions twinOptions = null;
        ReverseTwinOptions reverseOptions = null;
        String migrationsPath = tidy(inputs.text(ActionInput.MIGRATIONS_PATH));
        if (direction == Direction.TWIN) {
            twinOptions = new TwinOptions(production, twin,
                    inputs.number(ActionInput.JOBS, 1, 64),
                    inputs.list(ActionInput.SCHEMAS),
                    inputs.list(ActionInput.EXCLUDE_SCHEMAS),
                    inputs.list(ActionInput.TABLES),
                    inputs.list(ActionInput.EXCLUDE_TABLES),
                    inputs.list(ActionInput.EXCLUDE_TABLE_DATA),
                    VerifyMode.parse(ActionInput.VERIFY.yamlName(), inputs.text(ActionInput.VERIFY)),
                    inputs.flag(ActionInput.DRY_RUN),
                    inputs.flag(ActionInput.FORCE),
                    inputs.list(ActionInput.PG_BIN).stream().map(Path::of).toList());
        } else {
            Path migrationsDir = workspace.resolve(migrationsPath).normalize();
            refuseOutside(workspace, migrationsDir, migrationsPath);
            reverseOptions = new ReverseTwinOptions(production, twin, migrationsDir,
                    inputs.text(ActionInput.HISTORY_TABLE),
                    PgDuration.parse(quoted(ActionInput.LOCK_TIMEOUT), inputs.text(ActionInput.LOCK_TIMEOUT)),
                    PgDuration.parse(quoted(ActionInput.STATEMENT_TIMEOUT), inputs.text(ActionInput.STATEMENT_TIMEOUT)),
                    inputs.number(ActionInput.LOCK_RETRIES, 0, 10),
                    inputs.flag(ActionInput.DRY_RUN),
                    inputs.flag(ActionInput.OUT_OF_ORDER),
                    MigrationVersion.optionalInput(quoted(ActionInput.BASELINE_VERSION), inputs.text(ActionInput.BASELINE_VERSION)),
                    inputs.flag(ActionInput.FORCE));
        }
        NotifySettings notify = new NotifySettings(
                inputs.text(ActionInput.SLACK_WEBHOOK_URL).isEmpty() ? null : inputs.text(ActionInput.SLACK_WEBHOOK_URL),
                inputs.text(ActionInput.WEBHOOK_URL).isEmpty() ? null : inputs.text(ActionInput.WEBHOOK_URL),
                NotifyWhen.parse(ActionInput.NOTIFY.yamlName(), inputs.text(ActionInput.NOTIFY)),
                inputs.flag(ActionInput.NOTIFY_REQUIRED));
        NeonSettings neon = direction != Direction.TWIN ? null : NeonSettings.of(NEON_INPUTS,
                inputs.text(ActionInput.NEON_API_KEY), inputs.text(ActionInput.NEON_PROJECT_ID), inputs.text(ActionInput.TWIN_BRANCH),
                inputs.list(ActionInput.RESET_BRANCHES), inputs.flag(ActionInput.RESET_BRANCHES_REQUIRED),
                inputs.environment().neonApiBaseUrl().orElse(null)).orElse(null);
        if (reverseOptions != null) {
            // After every other input: a bad input is reported as such, not as a missing folder.
            MigrationFolder.load(reverseOptions.migrationsDir(), quoted(ActionInput.MIGRATIONS_PATH));
        }
        return new ActionSettings(direction, twinOptions, reverseOptions, migrationsPath, inputs.text(ActionInput.REPORT_FILE),
                notify, ignoredInputs(inputs, direction), neon);
    }

    /**
     * The action runs the folder's files on production: they must be the repository's, reviewed with it, not a path
     * elsewhere on the runner ("/etc", "../..", a link out of the checkout).
     */
    private static void refuseOutside(Path workspace, Path migrationsDir, String migrationsPath) {
        Path root = realIfExists(workspace.toAbsolutePath().normalize());
        if (!realIfExists(migrationsDir.toAbsolutePath().normalize()).startsWith(root)) {
            throw new UserError(ExitCode.INVALID_INPUT, quoted(ActionInput.MIGRATIONS_PATH) + " is '" + migrationsPath
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
        for (ActionInput input : ActionInput.values()) {
            Direction only = input.onlyFor();
            if (only != null && only != direction && inputs.givenOtherThanDefault(input)) {
                warnings.add("Input '" + input.yamlName() + "' applies to direction " + only.yamlValue()
                        + " only; this " + direction.yamlValue() + " run ignores it.");
            }
        }
        return List.copyOf(warnings);
    }

    private static String quoted(ActionInput input) {
        return "Input '" + input.yamlName() + "'";
    }

    /** {@code ./migrations/} and {@code migrations} name the same folder; annotations want the latter. */
    static String tidy(String path) {
        String tidy = path == null || path.isBlank() ? ActionInput.MIGRATIONS_PATH.defaultValue() : path.strip().replace('\\', '/');
        while (tidy.startsWith("./")) {
            tidy = tidy.substring(2);
        }
        while (tidy.length() > 1 && tidy.endsWith("/")) {
            tidy = tidy.substring(0, tidy.length() - 1);
        }
        return tidy.isEmpty() || tidy.equals(".") ? "." : tidy;
    }
}
