package io.neontwin.twin;

import io.neontwin.connection.ConnectionSpec;
import io.neontwin.connection.Connector;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The transaction on production that exports the snapshot every reader uses (pg_dump for the schema, each COPY
 * stream). It stays open, read-only and idle, until the copy is done; production sees nothing but reads.
 * Sessions on production wait at most {@link #LOCK_TIMEOUT} for a lock, so a twin never queues behind production DDL
 * (and so never makes later queries queue behind it).
 */
final class SnapshotSession implements AutoCloseable {
    static final String LOCK_TIMEOUT = "10s";

    private final Connection connection;
    private final String snapshotId;

    private SnapshotSession(Connection connection, String snapshotId) {
        this.connection = connection;
        this.snapshotId = snapshotId;
    }

    static SnapshotSession open(Connector connector, ConnectionSpec production) throws SQLException {
        Connection connection = connector.open(production);
        try (Statement statement = connection.createStatement()) {
            prepareReader(statement);
            statement.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
            try (ResultSet row = statement.executeQuery("SELECT pg_export_snapshot()")) {
                row.next();
                return new SnapshotSession(connection, row.getString(1));
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Settings every production session of the twin uses. */
    static void prepareReader(Statement statement) throws SQLException {
        statement.execute("SET lock_timeout = '" + LOCK_TIMEOUT + "'");
        statement.execute("SET statement_timeout = 0");
        // RDS and others often set these; the snapshot holder idles in its transaction by design.
        statement.execute("SET idle_in_transaction_session_timeout = 0");
        statement.execute("SET default_transaction_read_only = on");
        // As pg_dump does: a role that row-level security would filter gets an error, never a partial table.
        statement.execute("SET row_security = off");
        statement.execute("SET extra_float_digits = 3");
        statement.execute("SET DateStyle = ISO");
        statement.execute("SET IntervalStyle = postgres");
        statement.execute("SET TimeZone = 'UTC'");
    }

    String snapshotId() {
        return snapshotId;
    }

    Connection connection() {
        return connection;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing the read-only transaction can only end it
        }
    }
}
