package io.neontwin.neon;

import io.neontwin.notify.RetryPolicy;

import java.time.Duration;

/**
 * The bounds of every conversation with the Neon API.
 *
 * @param retries           attempts per request and the waits between them (backoff, Retry-After, each capped)
 * @param callTimeout       one HTTP call, connect to last byte
 * @param pollInterval      the wait between two looks at a running operation
 * @param operationTimeout  the longest neon-twin waits for the operations of one request to finish
 */
public record NeonClientPolicy(RetryPolicy retries, Duration callTimeout, Duration pollInterval, Duration operationTimeout) {
    /** About a minute of retries per request; a reset's operations are given five minutes. */
    public static final NeonClientPolicy STANDARD = new NeonClientPolicy(
            new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(30)),
            Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofMinutes(5));
}
