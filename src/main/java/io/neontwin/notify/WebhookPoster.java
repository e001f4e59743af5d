package io.neontwin.notify;

import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * POSTs a JSON body to a webhook and retries what a retry can fix: 429 (after the wait the server asks for), 408, 5xx
 * and network errors (after a growing backoff). A 4xx is the receiver's final word: it is explained, not retried.
 * Never throws: every way of not delivering becomes a {@link Delivery} with a reason.
 */
public final class WebhookPoster {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final long MAX_BODY_READ = 2048;

    private final OkHttpClient client;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Clock clock;

    public WebhookPoster(OkHttpClient client, RetryPolicy policy, Sleeper sleeper, Clock clock) {
        this.client = client;
        this.policy = policy;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    public static WebhookPoster standard() {
        return new WebhookPoster(defaultClient(), RetryPolicy.STANDARD, Sleeper.REAL, Clock.systemUTC());
    }

    /** Timeouts sized for a chat webhook: a slow receiver must not hold the end of a run for minutes. */
    static OkHttpClient defaultClient() {
        return new OkHttpClient.Builder()
                .connectTimeout(10, TimeUnit.SECONDS)
                .writeTimeout(10, TimeUnit.SECONDS)
                .readTimeout(20, TimeUnit.SECONDS)
                .callTimeout(30, TimeUnit.SECONDS)
                // our own retries count every attempt; OkHttp's silent one would hide some
                .retryOnConnectionFailure(false)
                .build();
    }

    public Delivery post(String url, String jsonBody, RejectionExplainer explainer) {
        HttpUrl target = url == null ? null : HttpUrl.parse(url);
        if (target == null) {
            return Delivery.failed(0, "the URL is not an http:// or https:// URL");
        }
        Request request = new Request.Builder().url(target).post(RequestBody.create(jsonBody, JSON)).build();
        String lastProblem = null;
        for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
            Duration wait;
            try (Response response = client.newCall(request).execute()) {
                int status = response.code();
                if (response.isSuccessful()) {
                    return Delivery.delivered(attempt);
                }
                String body = response.peekBody(MAX_BODY_READ).string();
                if (status == 429) {
                    lastProblem = "the server answered HTTP 429 (too many requests)";
                    wait = retryAfter(response.header("Retry-After")).map(policy::cap).orElse(policy.backoffAfter(attempt));
                } else if (status == 408 || status >= 500) {
                    lastProblem = "the server answered HTTP " + status + describeBody(body);
                    wait = policy.backoffAfter(attempt);
                } else {
                    return Delivery.failed(attempt, explainer.explain(status, body));
                }
            } catch (IOException e) {
                lastProblem = describe(e);
                wait = policy.backoffAfter(attempt);
            }
            if (attempt == policy.maxAttempts()) {
                break;
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Delivery.failed(attempt, lastProblem + "; retries stopped (interrupted)");
            }
        }
        return Delivery.failed(policy.maxAttempts(), lastProblem);
    }

    /** Retry-After is either whole seconds or an HTTP date; anything else is ignored in favour of the backoff. */
    Optional<Duration> retryAfter(String header) {
        return RetryPolicy.retryAfter(header, clock);
    }

    private static String describeBody(String body) {
        String said = RejectionExplainer.oneLine(body);
        return said.isEmpty() ? "" : " (" + said + ")";
    }

    private static String describe(IOException e) {
        if (e instanceof UnknownHostException) {
            return "the host " + e.getMessage() + " is unknown";
        }
        if (e instanceof ConnectException) {
            return "the connection was refused";
        }
        if (e instanceof InterruptedIOException) {
            return "no answer in time (" + e.getMessage() + ")";
        }
        return "a network error (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
    }
}
