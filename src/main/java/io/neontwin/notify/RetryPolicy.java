package io.neontwin.notify;

import java.time.Duration;

/**
 * How hard to try: at most {@code maxAttempts} posts; between them an exponential backoff (1 s, 2 s, 4 s, ...) or the
 * wait a 429 asks for, each wait capped, so a notification can delay the end of a run by about a minute at most.
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxWait) {
    public static final RetryPolicy STANDARD = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The wait after failed attempt number {@code attempt} (1-based) when the server said nothing about when. */
    Duration backoffAfter(int attempt) {
        Duration wait = firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
        return cap(wait);
    }

    Duration cap(Duration wait) {
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }
}
