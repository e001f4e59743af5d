package io.neontwin.notify;

import com.fasterxml.jackson.databind.JsonNode;
import io.neontwin.report.MigrationError;
import io.neontwin.report.Outcome;
import io.neontwin.report.ReportJson;
import io.neontwin.report.ReverseTwinReport;
import io.neontwin.report.TableReport;
import io.neontwin.report.TwinReport;
import io.neontwin.secrets.Secrets;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.neontwin.notify.BlockKitAssertions.allTexts;
import static io.neontwin.notify.BlockKitAssertions.assertValidSlackPayload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotifierTest {
    private static final Instant FINISHED = Instant.parse("2025-06-02T04:15:00Z");
    private static final Map<String, String> GITHUB = Map.of("GITHUB_SERVER_URL", "https://github.com",
            "GITHUB_REPOSITORY", "acme/shop", "GITHUB_RUN_ID", "987654");

    private final MockWebServer slack = new MockWebServer();
    private final MockWebServer webhook = new MockWebServer();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final List<String> warnings = new ArrayList<>();
    private final Notifier notifier = new Notifier(
            new WebhookPoster(WebhookPoster.defaultClient(), RetryPolicy.STANDARD, sleeper, Clock.systemUTC()), GITHUB);
    private String slackUrl;
    private String webhookUrl;

    @BeforeEach
    void start() throws IOException {
        slack.start();
        webhook.start();
        slackUrl = slack.url("/services/T0AAAAAAA/B0BBBBBBB/slackTokenXyz123").toString();
        webhookUrl = webhook.url("/hooks/relay?key=webhookKeyAbc789").toString();
    }

    @AfterEach
    void stop() throws IOException {
        slack.shutdown();
        webhook.shutdown();
        Secrets.clearForTests();
    }

    @Test
    void aSuccessPostsTheBlockKitMessageToSlackAndTheJsonReportToTheWebhook() throws Exception {
        slack.enqueue(new MockResponse().setBody("ok"));
        webhook.enqueue(new MockResponse().setResponseCode(202));
        TwinReport report = SampleReport.succeeded(FINISHED);

        int exit = notifier.deliver(report, settings(NotifyWhen.ALWAYS, false), warnings::add);

        assertEquals(0, exit);
        assertEquals(List.of(), warnings);
        JsonNode message = json(take(slack));
        assertValidSlackPayload(message);
        assertTrue(String.join("\n", allTexts(message)).contains("`shop_twin` · 41.9 GB"));
        assertTrue(String.join("\n", allTexts(message)).contains("View acme/shop run 987654"), "the run link from GITHUB_*");
        RecordedRequest received = take(webhook);
        assertEquals("application/json; charset=utf-8", received.getHeader("Content-Type"));
        assertEquals(ReportJson.mapper().readTree(ReportJson.toJson(report)), ReportJson.mapper().readTree(received.getBody().readUtf8()),
                "the webhook receives the report exactly as --report writes it");
    }

    @Test
    void aSlack404GivesOneClearWarningAndTheRunStillSucceeds() throws Exception {
        slack.enqueue(new MockResponse().setResponseCode(404).setBody("no_service"));
        webhook.enqueue(new MockResponse().setBody("ok"));

        int exit = notifier.deliver(SampleReport.succeeded(FINISHED), settings(NotifyWhen.ALWAYS, false), warnings::add);

        assertEquals(0, exit, "a notification failure never fails the twin");
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals("Slack notification not delivered: Slack answered HTTP 404 no_service: the webhook no longer exists "
                + "(removed, or its Slack app uninstalled); create a new incoming webhook and update the Slack webhook URL.",
                warnings.get(0));
        assertEquals(1, slack.getRequestCount(), "a refusal is not retried");
        assertEquals(1, webhook.getRequestCount(), "the other channel is still served");
    }

    @Test
    void whenRequiredAFailedDeliveryExitsWithNotifyFailed() {
        slack.enqueue(new MockResponse().setResponseCode(410).setBody("channel_is_archived"));

        int exit = notifier.deliver(SampleReport.succeeded(FINISHED), new NotifySettings(slackUrl, null, NotifyWhen.ALWAYS, true),
                warnings::add);

        assertEquals(13, exit);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("channel_is_archived"), warnings.get(0));
    }

    @Test
    void whenRequiredAndDeliveredTheExitCodeIsZero() {
        slack.enqueue(new MockResponse().setBody("ok"));
        assertEquals(0, notifier.deliver(SampleReport.failed(FINISHED), new NotifySettings(slackUrl, null, NotifyWhen.ALWAYS, true),
                warnings::add));
    }

    @Test
    void retriesExhaustedIsOneWarningThatCountsTheAttempts() {
        for (int i = 0; i < 4; i++) {
            slack.enqueue(new MockResponse().setResponseCode(500));
        }

        notifier.deliver(SampleReport.failed(FINISHED), new NotifySettings(slackUrl, null, NotifyWhen.ALWAYS, false), warnings::add);

        assertEquals(List.of("Slack notification not delivered after 4 attempts: the server answered HTTP 500."), warnings);
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), sleeper.waits);
    }

    @Test
    void notifyFailureSendsFailuresOnly() throws Exception {
        slack.enqueue(new MockResponse().setBody("ok"));
        NotifySettings onFailure = settings(NotifyWhen.FAILURE, false);

        notifier.deliver(SampleReport.succeeded(FINISHED), onFailure, warnings::add);
        notifier.deliver(dryRun(), onFailure, warnings::add);
        assertEquals(0, slack.getRequestCount(), "a success or a dry run is not news");

        webhook.enqueue(new MockResponse().setBody("ok"));
        notifier.deliver(SampleReport.failed(FINISHED), onFailure, warnings::add);
        assertTrue(json(take(slack)).path("text").asText().startsWith("Neon Twin failed during data"));
        assertEquals(1, webhook.getRequestCount());
    }

    @Test
    void notifyNeverAndNoUrlsSendNothing() {
        assertEquals(0, notifier.deliver(SampleReport.failed(FINISHED), settings(NotifyWhen.NEVER, true), warnings::add));
        assertEquals(0, notifier.deliver(SampleReport.failed(FINISHED), NotifySettings.NONE, warnings::add));
        assertEquals(0, notifier.deliver(SampleReport.failed(FINISHED), new NotifySettings(null, null, NotifyWhen.ALWAYS, true),
                warnings::add));
        assertEquals(0, notifier.deliver(SampleReport.failed(FINISHED), null, warnings::add));
        assertEquals(0, slack.getRequestCount() + webhook.getRequestCount());
        assertEquals(List.of(), warnings);
    }

    @Test
    void noSecretReachesAnyPayloadOrWarning() throws Exception {
        Secrets.register("Pr0dPassw0rd!");
        TwinReport failed = SampleReport.failed(FINISHED);
        TwinReport leaky = new TwinReport(failed.tool(), failed.toolVersion(), failed.outcome(), failed.startedAt(),
                failed.finishedAt(), failed.durationSeconds(), failed.production(), failed.twin(), failed.client(), failed.phases(),
                failed.tables(), failed.totals(), failed.verification(),
                List.of("pg_dump said: password=Pr0dPassw0rd! host=db; webhook " + slackUrl),
                new io.neontwin.report.Failure("preflight", "authentication failed for postgres://app:Pr0dPassw0rd!@db/shop", 5,
                        "previous twin kept unchanged"));
        slack.enqueue(new MockResponse().setBody("ok"));
        webhook.enqueue(new MockResponse().setResponseCode(400).setBody("bad key " + webhookUrl));

        notifier.deliver(leaky, settings(NotifyWhen.ALWAYS, false), warnings::add);

        String slackBody = take(slack).getBody().readUtf8();
        String webhookBody = take(webhook).getBody().readUtf8();
        for (String sent : List.of(slackBody, webhookBody, String.join("\n", warnings))) {
            assertFalse(sent.contains("Pr0dPassw0rd"), sent);
            assertFalse(sent.contains("slackTokenXyz123"), "the Slack webhook URL is a secret: " + sent);
            assertFalse(sent.contains("webhookKeyAbc789"), "the webhook URL is a secret: " + sent);
        }
        assertTrue(slackBody.contains("postgres://app:***@db/shop"), slackBody);
        assertEquals(1, warnings.size());
    }

    @Test
    void aReportTheRendererCannotHandleIsAWarningNotACrash() {
        webhook.enqueue(new MockResponse().setBody("ok"));
        TwinReport sample = SampleReport.succeeded(FINISHED);
        TwinReport broken = new TwinReport(sample.tool(), sample.toolVersion(), Outcome.SUCCEEDED, null, FINISHED, 1, null,
                sample.twin(), null, null, Arrays.asList((TableReport) null), null, null, null, null);

        int exit = notifier.deliver(broken, settings(NotifyWhen.ALWAYS, false), warnings::add);

        assertEquals(0, exit);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("Slack notification not delivered: the message could not be built (NullPointerException"),
                warnings.get(0));
        assertEquals(0, slack.getRequestCount());
        assertEquals(1, webhook.getRequestCount(), "the webhook still gets the report");
    }

    @Test
    void aReverseTwinReportGetsItsOwnSlackMessageAndTheWebhookItsJsonWithItsKind() throws Exception {
        slack.enqueue(new MockResponse().setBody("ok"));
        webhook.enqueue(new MockResponse().setBody("ok"));
        ReverseTwinReport report = SampleReport.reverseSucceeded(FINISHED);

        int exit = notifier.deliver(report, settings(NotifyWhen.ALWAYS, false), warnings::add);

        assertEquals(0, exit);
        assertEquals(List.of(), warnings);
        JsonNode message = json(take(slack));
        assertValidSlackPayload(message);
        assertEquals(ReverseTwinSlackMessage.render(report, RunContext.fromEnvironment(GITHUB)), message,
                "the reverse-twin renderer, with the run link");
        String body = take(webhook).getBody().readUtf8();
        JsonNode received = ReportJson.mapper().readTree(body);
        assertEquals("kind", received.fieldNames().next(), "kind is the first field: " + body);
        assertEquals("reverse-twin", received.path("kind").asText());
        assertEquals(ReportJson.mapper().readTree(ReportJson.toJson(report)), received);
        assertEquals("V42__index_orders_status.sql", received.path("migrations").get(1).path("file").asText());
        assertEquals("full-scan-under-lock", received.path("hazards").get(0).path("kind").asText());
    }

    @Test
    void theTwinWebhookJsonSaysItsKindToo() throws Exception {
        webhook.enqueue(new MockResponse().setBody("ok"));
        notifier.deliver(SampleReport.succeeded(FINISHED), new NotifySettings(null, webhookUrl, NotifyWhen.ALWAYS, false),
                warnings::add);
        JsonNode received = json(take(webhook));
        assertEquals("kind", received.fieldNames().next());
        assertEquals("twin", received.path("kind").asText());
    }

    @Test
    void notifyFailureSendsAFailedReverseTwinButNotAPlanOrASuccess() throws Exception {
        NotifySettings onFailure = new NotifySettings(slackUrl, null, NotifyWhen.FAILURE, false);
        notifier.deliver(SampleReport.reversePlanned(FINISHED), onFailure, warnings::add);
        notifier.deliver(SampleReport.reverseSucceeded(FINISHED), onFailure, warnings::add);
        assertEquals(0, slack.getRequestCount());

        slack.enqueue(new MockResponse().setBody("ok"));
        notifier.deliver(SampleReport.reverseFailed(FINISHED), onFailure, warnings::add);
        assertTrue(json(take(slack)).path("text").asText().startsWith("Migration failed on production: V42__add_gift_note.sql line 3"));
    }

    @Test
    void noSecretReachesTheReverseTwinPayloads() throws Exception {
        Secrets.register("Pr0dPassw0rd!");
        ReverseTwinReport failed = SampleReport.reverseFailed(FINISHED);
        ReverseTwinReport leaky = new ReverseTwinReport(failed.tool(), failed.toolVersion(), failed.outcome(), failed.startedAt(),
                failed.finishedAt(), failed.durationSeconds(), failed.production(), failed.twin(), failed.migrationsPath(),
                failed.historyTable(), failed.appliedBefore(), failed.migrations(), failed.hazards(), failed.phases(),
                List.of("retrying postgres://app:Pr0dPassw0rd!@db/shop"),
                new io.neontwin.report.Failure("apply", "authentication failed for postgres://app:Pr0dPassw0rd!@db/shop", 5,
                        "unchanged"),
                new MigrationError("apply", "42", "V42__add_gift_note.sql", 3, "ALTER ROLE app PASSWORD 'Pr0dPassw0rd!'", "28P01",
                        "password Pr0dPassw0rd! rejected; webhook " + slackUrl));
        slack.enqueue(new MockResponse().setBody("ok"));
        webhook.enqueue(new MockResponse().setBody("ok"));

        notifier.deliver(leaky, settings(NotifyWhen.ALWAYS, false), warnings::add);

        for (String sent : List.of(take(slack).getBody().readUtf8(), take(webhook).getBody().readUtf8())) {
            assertFalse(sent.contains("Pr0dPassw0rd"), sent);
            assertFalse(sent.contains("slackTokenXyz123"), sent);
            assertTrue(sent.contains("postgres://app:***@db/shop"), sent);
        }
    }

    private NotifySettings settings(NotifyWhen when, boolean required) {
        return new NotifySettings(slackUrl, webhookUrl, when, required);
    }

    private static TwinReport dryRun() {
        TwinReport sample = SampleReport.succeeded(FINISHED);
        return new TwinReport(sample.tool(), sample.toolVersion(), Outcome.PLANNED, sample.startedAt(), FINISHED, 2, sample.production(),
                sample.twin(), sample.client(), List.of(), sample.tables(), null, null, List.of(), null);
    }

    private static RecordedRequest take(MockWebServer server) throws InterruptedException {
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertTrue(request != null, "a request was received");
        return request;
    }

    private static JsonNode json(RecordedRequest request) throws IOException {
        return ReportJson.mapper().readTree(request.getBody().readUtf8());
    }
}
