package io.neontwin.connection;

import io.neontwin.errors.UserError;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * Opens JDBC connections the way a nightly job needs: a serverless compute that is waking up (Neon suspends idle
 * computes) or a server that is starting answers with a transient error, so those are retried with backoff;
 * a wrong password, a missing database or an unknown host is not, and becomes one sentence naming the input.
 */
public final class Connector {
    /** About 30 seconds in all: long enough for a Neon compute to wake, short enough to fail a typo fast. */
    static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
            Duration.ofSeconds(8), Duration.ofSeconds(15));

    private final Sleeper sleeper;
    private final ConnectionRetry.Listener retries;

    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public Connector() {
        this(ConnectionRetry.Listener.NONE);
    }

    /** A connector that tells {@code retries} of each transient failure before it waits (the core never prints). */
    public static Connector tellingRetriesTo(ConnectionRetry.Listener retries) {
        return new Connector(duration -> Thread.sleep(duration.toMillis()), retries);
    }

    private Connector(ConnectionRetry.Listener retries) {
        this(duration -> Thread.sleep(duration.toMillis()), retries);
    }

    public Connector(Sleeper sleeper) {
        this(sleeper, ConnectionRetry.Listener.NONE);
    }

    public Connector(Sleeper sleeper, ConnectionRetry.Listener retries) {
        this.sleeper = sleeper;
        this.retries = retries;
    }

    /** Connects or throws the UserError that tells the user what to fix. */
    public Connection open(ConnectionSpec spec) {
        return open(spec, spec.database());
    }

    public Connection open(ConnectionSpec spec, String database) {
        ConnectionSpec target = spec.withDatabase(database);
        Properties properties = target.jdbcProperties();
        properties.putIfAbsent("ApplicationName", "neon-twin");
        properties.putIfAbsent("connectTimeout", "15");
        properties.setProperty("tcpKeepAlive", "true");
        for (int attempt = 0; ; attempt++) {
            try {
                return DriverManager.getConnection(target.jdbcUrl(), properties);
            } catch (SQLException failure) {
                if (!ConnectionErrors.isTransient(failure) || attempt >= BACKOFF.size()) {
                    throw gaveUp(ConnectionErrors.explain(target, failure), attempt);
                }
                retries.retrying(new ConnectionRetry(target.inputName(), target.describe(), ConnectionErrors.transientReason(failure),
                        attempt + 1, BACKOFF.size(), BACKOFF.get(attempt), waitsFrom(attempt)));
                try {
                    sleeper.sleep(BACKOFF.get(attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw gaveUp(ConnectionErrors.explain(target, failure), attempt);
                }
            }
        }
    }

    /** After retries, the sentence also says how long it kept trying (else a 30-second failure looks like a hang). */
    private static UserError gaveUp(UserError error, int retries) {
        if (retries == 0) {
            return error;
        }
        long waited = BACKOFF.subList(0, retries).stream().mapToLong(Duration::toSeconds).sum();
        String sentence = error.getMessage().endsWith(".") ? error.getMessage().substring(0, error.getMessage().length() - 1)
                : error.getMessage();
        return new UserError(error.exitCode(), sentence + " (gave up after " + (retries + 1) + " attempts over " + waited + " s).",
                error.getCause());
    }

    /** The waits from retry {@code attempt} (0-based) to the last, added up. */
    private static Duration waitsFrom(int attempt) {
        return BACKOFF.subList(attempt, BACKOFF.size()).stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** Like {@link #open} but returns null when the database does not exist (a twin that was never created). */
    public Connection openIfExists(ConnectionSpec spec, String database) {
        try {
            return open(spec, database);
        } catch (io.neontwin.errors.UserError error) {
            if (error.exitCode() == io.neontwin.errors.ExitCode.DATABASE_NOT_FOUND) {
                return null;
            }
            throw error;
        }
    }
}
