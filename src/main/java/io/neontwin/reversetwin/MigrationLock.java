package io.neontwin.reversetwin;

import io.neontwin.connection.ConnectionSpec;
import io.neontwin.connection.Connector;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Production's migration lock: a session-level advisory lock, held from the plan to the last migration applied, so
 * that one run at a time plans, rehearses and applies. Taken before the rehearsal, a second run started at the same
 * time stops at once with "busy" instead of waiting on the first run's locks on the twin, and a staggered one plans
 * from the history the first run left.
 */
final class MigrationLock implements AutoCloseable {
    /** pg_try_advisory_lock's key: the first 8 bytes of SHA-256("neon-twin migrations"), the same for every run. */
    static final long KEY = key("neon-twin migrations");

    private final Connection session;

    private MigrationLock(Connection session) {
        this.session = session;
    }

    /** @throws UserError BUSY when another session holds the lock; production is not changed */
    static MigrationLock take(Connector connector, ReverseTwinOptions options) throws SQLException {
        ConnectionSpec spec = options.production();
        Connection session = connector.open(spec.withParameter("application_name", Applier.APPLICATION_NAME));
        try (Statement settings = session.createStatement();
             PreparedStatement tryLock = session.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            Timeouts.startMigration(settings, options, false);
            tryLock.setLong(1, KEY);
            try (ResultSet row = tryLock.executeQuery()) {
                row.next();
                if (!row.getBoolean(1)) {
                    throw new UserError(ExitCode.BUSY, "Another reverse-twin run is applying migrations to production ("
                            + spec.describe() + ": a session holds its migration lock, advisory lock " + KEY
                            + "); production was not changed: wait for that run to finish and run again.");
                }
            }
            return new MigrationLock(session);
        } catch (SQLException | RuntimeException failure) {
            session.close();
            throw failure;
        }
    }

    /** The session that holds the lock: the migrations are applied on it. */
    Connection session() {
        return session;
    }

    /** Ending the session releases the lock. */
    @Override
    public void close() throws SQLException {
        session.close();
    }

    private static long key(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, 8).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
