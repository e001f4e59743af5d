package io.neontwin.notify;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookPosterTest {
    private static final Instant NOW = Instant.parse("2025-06-02T04:15:00Z");
    private static final String BODY = "{\"text\":\"hello\"}";

    private final MockWebServer server = new MockWebServer();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final WebhookPoster poster = new WebhookPoster(WebhookPoster.defaultClient(), RetryPolicy.STANDARD, sleeper,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void http200IsDeliveredAtTheFirstAttemptAsJson() throws InterruptedException {
        server.enqueue(new MockResponse().setBody("ok"));

        Delivery delivery = post();

        assertTrue(delivery.delivered());
        assertEquals(1, delivery.attempts());
        assertNull(delivery.problem());
        assertEquals(List.of(), sleeper.waits);
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertEquals("POST", request.getMethod());
        assertEquals("application/json; charset=utf-8", request.getHeader("Content-Type"));
        assertEquals(BODY, request.getBody().readUtf8());
    }

    @Test
    void http429WaitsTheSecondsRetryAfterAsksForThenRetries() {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "2").setBody("rate_limited"));
        server.enqueue(new MockResponse().setBody("ok"));

        Delivery delivery = post();

        assertTrue(delivery.delivered());
        assertEquals(2, delivery.attempts());
        assertEquals(List.of(Duration.ofSeconds(2)), sleeper.waits);
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void retryAfterAsAnHttpDateIsCountedFromNow() {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "Mon, 02 Jun 2025 04:15:07 GMT"));
        server.enqueue(new MockResponse().setBody("ok"));

        assertTrue(post().delivered());
        assertEquals(List.of(Duration.ofSeconds(7)), sleeper.waits);
    }

    @Test
    void retryAfterIsCappedAtThirtySeconds() {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3600"));
        server.enqueue(new MockResponse().setBody("ok"));

        assertTrue(post().delivered());
        assertEquals(List.of(Duration.ofSeconds(30)), sleeper.waits);
    }

    @Test
    void http429WithoutRetryAfterFallsBackToTheBackoff() {
        server.enqueue(new MockResponse().setResponseCode(429));
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "soon"));
        server.enqueue(new MockResponse().setBody("ok"));

        assertTrue(post().delivered());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), sleeper.waits);
    }

    @Test
    void serverErrorsAreRetriedWithGrowingWaitsAndGivenUpAfterFourAttempts() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(new MockResponse().setResponseCode(503).setBody("upstream down"));
        }

        Delivery delivery = post();

        assertFalse(delivery.delivered());
        assertEquals(4, delivery.attempts());
        assertEquals(4, server.getRequestCount(), "four attempts, no more");
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), sleeper.waits);
        assertEquals("the server answered HTTP 503 (upstream down)", delivery.problem());
    }

    @Test
    void aServerErrorThenSuccessIsDelivered() {
        server.enqueue(new MockResponse().setResponseCode(500));
        server.enqueue(new MockResponse().setResponseCode(502));
        server.enqueue(new MockResponse().setBody("ok"));

        Delivery delivery = post();

        assertTrue(delivery.delivered());
        assertEquals(3, delivery.attempts());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), sleeper.waits);
    }

    @Test
    void aDroppedConnectionIsRetried() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
        server.enqueue(new MockResponse().setBody("ok"));

        Delivery delivery = post();

        assertTrue(delivery.delivered());
        assertEquals(2, delivery.attempts());
        assertEquals(List.of(Duration.ofSeconds(1)), sleeper.waits);
    }

    @Test
    void aRefusedConnectionIsRetriedThenReported() throws IOException {
        String url = server.url("/hook").toString();
        server.shutdown();

        Delivery delivery = poster.post(url, BODY, RejectionExplainer.GENERIC);

        assertFalse(delivery.delivered());
        assertEquals(4, delivery.attempts());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), sleeper.waits);
        assertEquals("the connection was refused", delivery.problem());
    }

    @Test
    void aRefusalIsNotRetriedAndSlackErrorCodesAreExplained() {
        server.enqueue(new MockResponse().setResponseCode(404).setBody("no_service"));

        Delivery delivery = poster.post(server.url("/services/T0/B0/x").toString(), BODY, RejectionExplainer.SLACK);

        assertFalse(delivery.delivered());
        assertEquals(1, server.getRequestCount());
        assertEquals(List.of(), sleeper.waits);
        assertEquals("Slack answered HTTP 404 no_service: the webhook no longer exists (removed, or its Slack app uninstalled); "
                + "create a new incoming webhook and update the Slack webhook URL", delivery.problem());
    }

    @Test
    void eachKnownSlackRefusalHasItsOwnAdvice() {
        assertTrue(RejectionExplainer.SLACK.explain(400, "invalid_payload").contains("neon-twin bug"));
        assertTrue(RejectionExplainer.SLACK.explain(404, "channel_not_found").contains("channel no longer exists"));
        assertTrue(RejectionExplainer.SLACK.explain(410, "channel_is_archived").contains("channel is archived"));
        assertTrue(RejectionExplainer.SLACK.explain(403, "action_prohibited").contains("admin restricted"));
        assertEquals("Slack answered HTTP 403 (something_new); check the Slack webhook URL",
                RejectionExplainer.SLACK.explain(403, "something_new\n"));
    }

    @Test
    void aGenericRefusalQuotesTheStartOfTheBodyOnOneLine() {
        server.enqueue(new MockResponse().setResponseCode(401).setBody("<html>\n  <body>" + "x".repeat(500) + "</body></html>"));

        Delivery delivery = post();

        assertEquals(1, delivery.attempts());
        assertTrue(delivery.problem().startsWith("the server answered HTTP 401 (<html> <body>xxx"), delivery.problem());
        assertTrue(delivery.problem().length() < 260, "an error page is cut, not copied whole");
    }

    @Test
    void aUrlThatIsNotHttpIsReportedWithoutAnyAttempt() {
        Delivery delivery = poster.post("hooks.slack.com/services/T0/B0/x", BODY, RejectionExplainer.SLACK);
        assertFalse(delivery.delivered());
        assertEquals(0, delivery.attempts());
        assertEquals("the URL is not an http:// or https:// URL", delivery.problem());
    }

    @Test
    void anInterruptStopsTheRetries() {
        WebhookPoster interrupted = new WebhookPoster(WebhookPoster.defaultClient(), RetryPolicy.STANDARD,
                wait -> {
                    throw new InterruptedException();
                }, Clock.systemUTC());
        server.enqueue(new MockResponse().setResponseCode(503));

        Delivery delivery = interrupted.post(server.url("/hook").toString(), BODY, RejectionExplainer.GENERIC);

        assertFalse(delivery.delivered());
        assertEquals(1, server.getRequestCount());
        assertTrue(delivery.problem().endsWith("retries stopped (interrupted)"));
        assertTrue(Thread.interrupted(), "the interrupt is passed on (and cleared here for the next test)");
    }

    private Delivery post() {
        return poster.post(server.url("/hook").toString(), BODY, RejectionExplainer.GENERIC);
    }
}
