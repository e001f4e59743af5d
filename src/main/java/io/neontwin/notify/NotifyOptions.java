package io.neontwin.notify;

import io.neontwin.report.RunReport;
import picocli.CommandLine.Option;

import java.util.function.Consumer;

/**
 * Notification flags shared by every command that produces a report.
 * The flags become {@link NotifySettings}; {@link Notifications#deliver} does the sending.
 */
public final class NotifyOptions {
    @Option(names = "--slack-webhook-url", paramLabel = "<url>", defaultValue = "${env:NEON_TWIN_SLACK_WEBHOOK_URL}",
            description = "Slack incoming-webhook URL to post the outcome to.")
    public String slackWebhookUrl;

    @Option(names = "--webhook-url", paramLabel = "<url>", defaultValue = "${env:NEON_TWIN_WEBHOOK_URL}",
            description = "URL that receives the JSON report (POST).")
    public String webhookUrl;

    @Option(names = "--notify", paramLabel = "<when>", defaultValue = "always", description = "always (default), failure or never.")
    public String notify;

    @Option(names = "--notify-required", description = "Fail the run when a notification cannot be delivered.")
    public boolean notifyRequired;

    /** Sends the notifications the flags ask for; returns the exit code it adds (0 unless required and failed). */
    public int deliver(RunReport report, Consumer<String> warnings) {
        return Notifications.deliver(report, toSettings(), warnings);
    }

    public NotifySettings toSettings() {
        io.neontwin.secrets.Secrets.register(slackWebhookUrl);
        io.neontwin.secrets.Secrets.register(webhookUrl);
        return new NotifySettings(blankToNull(slackWebhookUrl), blankToNull(webhookUrl),
                NotifyWhen.parse("--notify", notify), notifyRequired);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
