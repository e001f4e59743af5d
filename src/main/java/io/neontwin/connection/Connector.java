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

    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public Connector() {
        this(duration -> Thread.sleep(duration.toMillis()));
    }

    public Connector(Sleeper sleeper) {
        this.sleeper = sleeper;
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
