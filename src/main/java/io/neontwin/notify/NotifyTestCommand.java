package io.neontwin.notify;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.report.ReverseTwinReport;
import io.neontwin.report.RunReport;
import io.neontwin.report.TwinReport;
import io.neontwin.secrets.Secrets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code neon-twin notify-test}: sends a sample message so that users can check their webhook before a real run. */
@Command(name = "notify-test", mixinStandardHelpOptions = true,
        description = "Send a sample notification (clearly marked as a test) to check the Slack or webhook setup.",
        footer = {"", "Exit codes: 0 when every message was delivered, 13 when one was not, 3 when no URL was given."})
public final class NotifyTestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--slack-webhook-url", paramLabel = "<url>", defaultValue = "${env:NEON_TWIN_SLACK_WEBHOOK_URL}",
            description = "Slack incoming-webhook URL to post the sample message to.")
    String slackWebhookUrl;

    @Option(names = "--webhook-url", paramLabel = "<url>", defaultValue = "${env:NEON_TWIN_WEBHOOK_URL}",
            description = "URL that receives the sample JSON report (POST).")
    String webhookUrl;

    @Option(names = "--failure", description = "Send the sample of a failed run instead of a successful one.")
    boolean failure;

    @Option(names = "--kind", defaultValue = "twin", paramLabel = "<kind>",
            description = "Which run the sample reports: a twin (default) or a reverse twin (migrations applied to production).")
    String kind;

    // a supplier: the command is built each time the CLI starts, the HTTP client only when a test message is sent
    private final Supplier<Notifier> notifier;

    public NotifyTestCommand() {
        this(Notifier::standard);
    }

    NotifyTestCommand(Supplier<Notifier> notifier) {
        this.notifier = notifier;
    }

    @Override
    public Integer call() {
        Secrets.register(slackWebhookUrl);
        Secrets.register(webhookUrl);
        String slack = blankToNull(slackWebhookUrl);
        String webhook = blankToNull(webhookUrl);
        if (slack == null && webhook == null) {
            throw new UserError(ExitCode.INVALID_INPUT,
                    "notify-test needs --slack-webhook-url or --webhook-url (or NEON_TWIN_SLACK_WEBHOOK_URL).");
        }
        RunReport sample = sample(kind, failure, Instant.now());
        List<String> problems = new ArrayList<>();
        // required: for a test, a message that did not arrive is the answer the user is asking for
        notifier.get().deliverTestMessage(sample, new NotifySettings(slack, webhook, NotifyWhen.ALWAYS, true), problems::add);
        if (problems.isEmpty()) {
            spec.commandLine().getOut().println("Test message delivered to " + targets(slack, webhook) + ".");
            return ExitCode.OK.code();
        }
        problems.forEach(problem -> spec.commandLine().getErr().println("error: " + Secrets.redact(problem)));
        return ExitCode.NOTIFY_FAILED.code();
    }

    private static RunReport sample(String kind, boolean failure, Instant now) {
        String value = kind == null ? TwinReport.KIND : kind.strip().toLowerCase(Locale.ROOT);
        if (value.equals(TwinReport.KIND)) {
            return SampleReport.labelledAsTest(failure ? SampleReport.failed(now) : SampleReport.succeeded(now));
        }
        if (value.equals(ReverseTwinReport.KIND)) {
            return SampleReport.labelledAsTest(failure ? SampleReport.reverseFailed(now) : SampleReport.reverseSucceeded(now));
        }
        throw new UserError(ExitCode.INVALID_INPUT, "--kind is '" + kind + "'; use twin or reverse-twin.");
    }

    private static String targets(String slack, String webhook) {
        if (slack != null && webhook != null) {
            return "Slack and the webhook";
        }
        return slack != null ? "Slack" : "the webhook";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
