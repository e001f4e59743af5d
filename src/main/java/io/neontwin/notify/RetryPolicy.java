package io.neontwin.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

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
    public Duration backoffAfter(int attempt) {
        Duration wait = firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
        return cap(wait);
    }

    public Duration cap(Duration wait) {
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }

    /**
     * The wait a Retry-After header asks for: whole seconds or an HTTP date (counted from the clock's now); empty when
     * absent or unreadable, so that the caller falls back to its backoff. Not capped: see {@link #cap}.
     */
    public static Optional<Duration> retryAfter(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Optional.of(Duration.between(clock.instant(), at.toInstant()));
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
