package io.neontwin.notify;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neontwin.errors.ExitCode;
import io.neontwin.report.ReportJson;
import io.neontwin.report.ReverseTwinReport;
import io.neontwin.report.RunReport;
import io.neontwin.report.TwinReport;
import io.neontwin.secrets.Secrets;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Decides what to send for a report and sends it: the Slack message, the JSON report to the generic webhook, or
 * nothing. A failed delivery is one warning; it changes the exit code only when the settings make it required.
 */
public final class Notifier {
    private static final ObjectWriter COMPACT = ReportJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    private final WebhookPoster poster;
    private final Map<String, String> environment;

    public Notifier(WebhookPoster poster, Map<String, String> environment) {
        this.poster = poster;
        this.environment = environment;
    }

    public static Notifier standard() {
        return new Notifier(WebhookPoster.standard(), System.getenv());
    }

    public int deliver(RunReport report, NotifySettings settings, Consumer<String> warnings) {
        return deliver(report, settings, RunContext.fromEnvironment(environment), warnings);
    }

    /** As {@link #deliver(RunReport, NotifySettings, Consumer)}, with the run context given (notify-test labels its sample). */
    public int deliver(RunReport report, NotifySettings settings, RunContext context, Consumer<String> warnings) {
        if (settings == null || !wanted(report, settings.when())) {
            return ExitCode.OK.code();
        }
        // the faces register them too; doing it here as well means no caller can forget
        Secrets.register(settings.slackWebhookUrl());
        Secrets.register(settings.webhookUrl());
        boolean allDelivered = true;
        if (settings.slackWebhookUrl() != null) {
            allDelivered &= send("Slack", warnings, () -> poster.post(settings.slackWebhookUrl(),
                    Secrets.redact(COMPACT.writeValueAsString(slackMessage(report, context))),
                    RejectionExplainer.SLACK));
        }
        if (settings.webhookUrl() != null) {
            allDelivered &= send("webhook", warnings, () -> poster.post(settings.webhookUrl(), ReportJson.toJson(report),
                    RejectionExplainer.GENERIC));
        }
        return allDelivered || !settings.required() ? ExitCode.OK.code() : ExitCode.NOTIFY_FAILED.code();
    }

    /** Sends a notify-test sample: the message says it is a test, and links to the run when there is one. */
    public int deliverTestMessage(RunReport sample, NotifySettings settings, Consumer<String> warnings) {
        return deliver(sample, settings, RunContext.fromEnvironment(environment).asTestMessage(), warnings);
    }

    /** The Slack payload for any run: each kind of report has its own renderer. */
    static ObjectNode slackMessage(RunReport report, RunContext context) {
        return switch (report) {
            case TwinReport twin -> TwinSlackMessage.render(twin, context);
            case ReverseTwinReport reverse -> ReverseTwinSlackMessage.render(reverse, context);
        };
    }

    static boolean wanted(RunReport report, NotifyWhen when) {
        return switch (when == null ? NotifyWhen.ALWAYS : when) {
            case ALWAYS -> true;
            case FAILURE -> !report.succeeded();
            case NEVER -> false;
        };
    }

    private interface Attempt {
        Delivery run() throws Exception;
    }

    private static boolean send(String channel, Consumer<String> warnings, Attempt attempt) {
        Delivery delivery;
        try {
            delivery = attempt.run();
        } catch (Exception bug) {
            // building the message is our code, not the network: still, a notification must never fail the twin
            delivery = Delivery.failed(0, "the message could not be built (" + bug.getClass().getSimpleName() + ": "
                    + bug.getMessage() + "); please report this");
        }
        if (!delivery.delivered()) {
            warnings.accept(Secrets.redact(warning(channel, delivery)));
        }
        return delivery.delivered();
    }

    static String warning(String channel, Delivery delivery) {
        String attempts = delivery.attempts() > 1 ? " after " + delivery.attempts() + " attempts" : "";
        return channel + " notification not delivered" + attempts + ": " + delivery.problem() + ".";
    }
}
