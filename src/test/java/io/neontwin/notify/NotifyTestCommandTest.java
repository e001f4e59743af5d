package io.neontwin.notify;

import com.fasterxml.jackson.databind.JsonNode;
import io.neontwin.cli.NeonTwin;
import io.neontwin.report.ReportJson;
import io.neontwin.secrets.Secrets;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.neontwin.notify.BlockKitAssertions.allTexts;
import static io.neontwin.notify.BlockKitAssertions.assertValidSlackPayload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotifyTestCommandTest {
    private final MockWebServer server = new MockWebServer();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private String slackUrl;

    @BeforeEach
    void start() throws IOException {
        server.start();
        slackUrl = server.url("/services/T0/B0/tokenSecret42").toString();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
        Secrets.clearForTests();
    }

    @Test
    void sendsALabelledSampleAndExitsZeroOnDelivery() throws Exception {
        server.enqueue(new MockResponse().setBody("ok"));

        int exit = run("--slack-webhook-url", slackUrl);

        assertEquals(0, exit);
        assertEquals("Test message delivered to Slack.\n", out.toString());
        JsonNode payload = ReportJson.mapper().readTree(server.takeRequest(1, TimeUnit.SECONDS).getBody().readUtf8());
        assertValidSlackPayload(payload);
        String text = String.join("\n", allTexts(payload));
        assertTrue(text.startsWith("[Test] Neon Twin ready: shop_twin"), "labelled in the notification text: " + text);
        assertTrue(text.contains("*Test message* sent by `neon-twin notify-test`"), text);
    }

    @Test
    void theWebhookGetsTheSampleReportMarkedAsATestInItsWarnings() throws Exception {
        server.enqueue(new MockResponse().setBody("ok"));

        int exit = run("--webhook-url", server.url("/relay").toString(), "--failure");

        assertEquals(0, exit);
        JsonNode report = ReportJson.mapper().readTree(server.takeRequest(1, TimeUnit.SECONDS).getBody().readUtf8());
        assertEquals("failed", report.path("outcome").asText());
        assertEquals(SampleReport.TEST_LABEL, report.path("warnings").get(0).asText());
    }

    @Test
    void kindReverseTwinSendsALabelledReverseTwinSample() throws Exception {
        server.enqueue(new MockResponse().setBody("ok"));

        int exit = run("--slack-webhook-url", slackUrl, "--kind", "reverse-twin");

        assertEquals(0, exit, err.toString());
        assertEquals("Test message delivered to Slack.\n", out.toString());
        JsonNode payload = ReportJson.mapper().readTree(server.takeRequest(1, TimeUnit.SECONDS).getBody().readUtf8());
        assertValidSlackPayload(payload);
        String text = String.join("\n", allTexts(payload));
        assertTrue(text.startsWith("[Test] Migrations applied to shop: 2 (V41, V42)"), "labelled in the notification text: " + text);
        assertTrue(text.contains("*Test message* sent by `neon-twin notify-test`: no migration was applied"), text);
        assertTrue(text.contains("`full-scan-under-lock`"), "the sample's hazard: " + text);
    }

    @Test
    void kindReverseTwinWithFailureSendsTheFailedReverseTwinReportToTheWebhook() throws Exception {
        server.enqueue(new MockResponse().setBody("ok"));

        int exit = run("--webhook-url", server.url("/relay").toString(), "--kind", "reverse-twin", "--failure");

        assertEquals(0, exit);
        JsonNode report = ReportJson.mapper().readTree(server.takeRequest(1, TimeUnit.SECONDS).getBody().readUtf8());
        assertEquals("reverse-twin", report.path("kind").asText());
        assertEquals("failed", report.path("outcome").asText());
        assertEquals("55P03", report.path("failedMigration").path("sqlState").asText());
        assertEquals(SampleReport.REVERSE_TEST_LABEL, report.path("warnings").get(0).asText());
    }

    @Test
    void theDefaultKindIsTheTwinAndAnUnknownKindIsRefused() throws Exception {
        server.enqueue(new MockResponse().setBody("ok"));
        assertEquals(0, run("--webhook-url", server.url("/relay").toString()));
        assertEquals("twin", ReportJson.mapper().readTree(server.takeRequest(1, TimeUnit.SECONDS).getBody().readUtf8())
                .path("kind").asText());

        CommandLine root = NeonTwin.commandLine();
        root.setOut(new PrintWriter(out, true));
        root.setErr(new PrintWriter(err, true));
        assertEquals(3, root.execute("notify-test", "--webhook-url", server.url("/relay").toString(), "--kind", "reverse"));
        assertEquals("error: --kind is 'reverse'; use twin or reverse-twin.\n", err.toString());
        assertEquals(1, server.getRequestCount(), "nothing sent for an unknown kind");
    }

    @Test
    void anUndeliveredMessageExits13WithOneSentenceAndNoUrl() {
        server.enqueue(new MockResponse().setResponseCode(404).setBody("channel_not_found"));

        int exit = run("--slack-webhook-url", slackUrl);

        assertEquals(13, exit);
        assertEquals("", out.toString());
        String error = err.toString();
        assertEquals(1, error.lines().count(), error);
        assertTrue(error.startsWith("error: Slack notification not delivered: Slack answered HTTP 404 channel_not_found: "), error);
        assertFalse(error.contains("tokenSecret42"), error);
    }

    @Test
    void isPartOfTheNeonTwinCommandAndAsksForAUrlWhenNoneIsGiven() {
        CommandLine root = NeonTwin.commandLine();
        assertTrue(root.getSubcommands().containsKey("notify-test"), "registered through CommandLineExtensions");
        root.setOut(new PrintWriter(out, true));
        root.setErr(new PrintWriter(err, true));

        int exit = root.execute("notify-test", "--slack-webhook-url", " ", "--webhook-url", "");

        assertEquals(3, exit);
        assertEquals("error: notify-test needs --slack-webhook-url or --webhook-url (or NEON_TWIN_SLACK_WEBHOOK_URL).\n", err.toString());
    }

    private int run(String... args) {
        Notifier notifier = new Notifier(new WebhookPoster(WebhookPoster.defaultClient(), RetryPolicy.STANDARD, sleeper,
                Clock.systemUTC()), Map.of());
        CommandLine command = new CommandLine(new NotifyTestCommand(() -> notifier));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }
}
