package io.neontwin.cli;

import io.neontwin.face.CommandLineOptions;
import io.neontwin.face.FromOptions;
import io.neontwin.face.OptionTable;
import io.neontwin.notify.Notifications;
import io.neontwin.notify.NotifySettings;
import io.neontwin.report.RunReport;

import java.util.function.Consumer;

/**
 * The notification options every command that produces a report has (--slack-webhook-url, --webhook-url, --notify,
 * --notify-required, in {@link OptionTable}), turned into {@link NotifySettings}; {@link Notifications#deliver} sends.
 */
final class NotifyOptions {
    /** The options, in the order --help lists them after each command's own. */
    static final java.util.List<OptionTable> OPTIONS = java.util.List.of(OptionTable.SLACK_WEBHOOK_URL, OptionTable.WEBHOOK_URL,
            OptionTable.NOTIFY, OptionTable.NOTIFY_REQUIRED);

    private NotifyOptions() {
    }

    /** Sends the notifications the options ask for; returns the exit code it adds (0 unless required and failed). */
    static int deliver(CommandLineOptions options, RunReport report, Consumer<String> warnings) {
        return Notifications.deliver(report, toSettings(options), warnings);
    }

    static NotifySettings toSettings(CommandLineOptions options) {
        return FromOptions.notifySettings(options);
    }
}
