package io.neontwin.connection;

import java.time.Duration;

/**
 * One transient connection failure that the connector will wait out and try again: what failed, why, how long until
 * the next attempt, and how long until it gives up. The faces print it, so a server that is starting (or a Neon compute
 * that is waking) never looks like a hang.
 *
 * @param input    the input the connection string came from, e.g. --production-url
 * @param server   host:port/database, never a password
 * @param reason   a few words: "connection refused", "timed out", "the server is starting"
 * @param retry    1 for the first retry
 * @param retries  how many retries there are in all
 * @param delay    the wait before this retry
 * @param timeLeft the waits still ahead, this one included: when it gives up if nothing answers
 */
public record ConnectionRetry(String input, String server, String reason, int retry, int retries, Duration delay,
                              Duration timeLeft) {

    /** One line, e.g. "--production-url: db:5432/shop: connection refused; retry 1 of 5 in 1 s (gives up in 30 s)". */
    public String describe() {
        return input + ": " + server + ": " + reason + "; retry " + retry + " of " + retries + " in " + delay.toSeconds()
                + " s (gives up in " + timeLeft.toSeconds() + " s)";
    }

    /** Told of each retry; the engines pass their progress listener's, tests a list. */
    @FunctionalInterface
    public interface Listener {
        void retrying(ConnectionRetry retry);

        Listener NONE = retry -> {
        };
    }
}
