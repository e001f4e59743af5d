package io.neontwin.face;

import io.neontwin.connection.ConnectionSpec;
import io.neontwin.notify.NotifySettings;
import io.neontwin.notify.NotifyWhen;
import io.neontwin.secrets.Secrets;
import io.neontwin.twin.CopyFormat;
import io.neontwin.twin.MaskingKey;
import io.neontwin.twin.PrivacySettings;
import java.nio.file.Path;
import io.neontwin.twin.TwinOptions;
import io.neontwin.twin.VerifyMode;

/** What the engines and the notifier take, built the same way from whichever face's {@link OptionValues}. */
public final class FromOptions {
    private FromOptions() {
    }

    /** The twin's options; the connection strings are parsed by the face first, with its own checks. */
    public static TwinOptions twinOptions(OptionValues values, ConnectionSpec production, ConnectionSpec twin) {
        return new TwinOptions(production, twin,
                values.number(OptionTable.JOBS),
                values.list(OptionTable.SCHEMAS),
                values.list(OptionTable.EXCLUDE_SCHEMAS),
                values.list(OptionTable.TABLES),
                values.list(OptionTable.EXCLUDE_TABLES),
                values.list(OptionTable.EXCLUDE_TABLE_DATA),
                VerifyMode.parse(values.nameOf(OptionTable.VERIFY), values.text(OptionTable.VERIFY)),
                values.flag(OptionTable.DRY_RUN),
                values.flag(OptionTable.FORCE),
                values.paths(OptionTable.PG_BIN),
                CopyFormat.parse(values.nameOf(OptionTable.COPY_FORMAT), values.text(OptionTable.COPY_FORMAT)),
                privacy(values));
    }

    /** The rules file and the masking key, which is registered as a secret before anything can print it. */
    private static PrivacySettings privacy(OptionValues values) {
        String key = values.text(OptionTable.MASKING_KEY);
        Secrets.register(key);
        String rules = values.text(OptionTable.RULES_PATH);
        return new PrivacySettings(rules == null || rules.isBlank() ? null : Path.of(rules.strip()), MaskingKey.of(key));
    }

    /** Where and when to notify; the webhook URLs are registered as secrets before anything can print them. */
    public static NotifySettings notifySettings(OptionValues values) {
        String slackWebhookUrl = values.text(OptionTable.SLACK_WEBHOOK_URL);
        String webhookUrl = values.text(OptionTable.WEBHOOK_URL);
        Secrets.register(slackWebhookUrl);
        Secrets.register(webhookUrl);
        return new NotifySettings(blankToNull(slackWebhookUrl), blankToNull(webhookUrl),
                NotifyWhen.parse(values.nameOf(OptionTable.NOTIFY), values.text(OptionTable.NOTIFY)),
                values.flag(OptionTable.NOTIFY_REQUIRED));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
