package io.neontwin.notify;

/**
 * Where and when to tell the team. Built by the CLI (io.neontwin.cli.NotifyOptions) and the GitHub adapter (INPUT_* variables).
 *
 * @param slackWebhookUrl a Slack incoming webhook, or null
 * @param webhookUrl      any URL that receives the JSON report, or null
 * @param required        a delivery failure fails the run (exit code NOTIFY_FAILED) instead of only warning
 */
public record NotifySettings(String slackWebhookUrl, String webhookUrl, NotifyWhen when, boolean required) {
    public static final NotifySettings NONE = new NotifySettings(null, null, NotifyWhen.NEVER, false);
}
