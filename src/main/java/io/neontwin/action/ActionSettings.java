package io.neontwin.action;

import io.neontwin.connection.ConnectionSpec;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.notify.NotifySettings;
import io.neontwin.notify.NotifyWhen;
import io.neontwin.secrets.Secrets;
import io.neontwin.twin.TwinOptions;
import io.neontwin.twin.VerifyMode;

import java.nio.file.Path;
import java.util.List;

/**
 * The inputs, validated and turned into what the engine and the notifier take.
 *
 * @param reportFile the report's path as the user wrote it (relative to the workspace unless absolute): it is also
 *                   the {@code report-path} output, which later steps read on the runner, where the container's
 *                   paths do not exist
 */
public record ActionSettings(Direction direction, TwinOptions twinOptions, String reportFile, NotifySettings notifications) {

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

    public static ActionSettings from(ActionInputs inputs) {
        String productionUrl = inputs.required(ActionInput.PRODUCTION_URL);
        String twinUrl = inputs.required(ActionInput.TWIN_URL);
        Direction direction = Direction.parse(inputs.text(ActionInput.DIRECTION));
        ConnectionSpec production = ConnectionSpec.parse(ActionInput.PRODUCTION_URL.yamlName(), productionUrl);
        ConnectionSpec twin = ConnectionSpec.parse(ActionInput.TWIN_URL.yamlName(), twinUrl);
        io.neontwin.twin.SafetyChecks.refuseSameDatabaseByUrl(production, twin);
        TwinOptions options = new TwinOptions(production, twin,
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
        NotifySettings notify = new NotifySettings(
                inputs.text(ActionInput.SLACK_WEBHOOK_URL).isEmpty() ? null : inputs.text(ActionInput.SLACK_WEBHOOK_URL),
                inputs.text(ActionInput.WEBHOOK_URL).isEmpty() ? null : inputs.text(ActionInput.WEBHOOK_URL),
                NotifyWhen.parse(ActionInput.NOTIFY.yamlName(), inputs.text(ActionInput.NOTIFY)),
                inputs.flag(ActionInput.NOTIFY_REQUIRED));
        return new ActionSettings(direction, options, inputs.text(ActionInput.REPORT_FILE), notify);
    }
}
