package io.neontwin.reversetwin;

import io.neontwin.errors.ErrorText;
import io.neontwin.connection.ConnectionSpec;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.secrets.Secrets;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Production's record of applied migrations: one row per version, written in the same transaction as the
 * migration's own statements (for a transactional migration), so the record and the change commit together.
 * The twin, a copy of production, carries a copy of it: what the twin already has.
 */
final class MigrationHistory {
    /** The description recorded for a migration marked applied by --baseline-version, which never ran here. */
    static final String BASELINE_MARK = "<< baseline >> ";

    /**
     * One row of the history.
     *
     * @param success false for a migration that ran outside a transaction and failed part-way: its first statements
     *                stay on production
     */
    record Row(MigrationVersion version, String description, String file, String checksum, Instant installedAt,
               String installedBy, long executionMs, boolean success) {
        boolean baseline() {
            return description != null && description.startsWith(BASELINE_MARK);
        }
    }

    private final HistoryTable table;
    private final MigrationFormat format;

    MigrationHistory(HistoryTable table, MigrationFormat format) {
        this.table = table;
        this.format = format;
    }

    MigrationFormat format() {
        return format;
    }

    HistoryTable table() {
        return table;
    }

    /** The rows, oldest first; empty when the table (or its schema) does not exist yet. */
    List<Row> read(Connection connection, ConnectionSpec spec) throws SQLException {
        if (!exists(connection)) {
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(format.selectRows(table))) {
            while (result.next()) {
                String version = result.getString(1);
                MigrationVersion parsed;
                try {
                    parsed = MigrationVersion.parse(version);
                } catch (IllegalArgumentException notAVersion) {
                    throw new UserError(ExitCode.MIGRATIONS_INVALID, spec.inputName() + ": the history table " + table.display()
                            + " holds a row with version '" + version + "', which is not a migration version; it is not "
                            + "neon-twin's history table: choose another with --history-table (input history-table).");
                }
                java.sql.Timestamp installed = result.getTimestamp(5);
                rows.add(new Row(parsed, result.getString(2), result.getString(3), result.getString(4),
                        installed == null ? null : installed.toInstant(), result.getString(6), result.getLong(7),
                        result.getBoolean(8)));
            }
        } catch (SQLException failure) {
            if ("42501".equals(failure.getSQLState())) {
                throw new UserError(ExitCode.PRIVILEGE, spec.inputName() + ": role '" + spec.user() + "' may not read the history table "
                        + table.display() + " (" + firstLine(failure) + "); grant it: GRANT USAGE ON SCHEMA " + table.quotedSchema()
                        + " TO " + spec.user() + "; GRANT SELECT, INSERT ON " + table.qualified() + " TO " + spec.user() + ".", failure);
            }
            if ("42703".equals(failure.getSQLState())) {
                throw new UserError(ExitCode.MIGRATIONS_INVALID, spec.inputName() + ": the table " + table.display()
                        + " lacks a column of neon-twin's history (" + firstLine(failure) + "); it is another tool's table: "
                        + "choose another with --history-table (input history-table).", failure);
            }
            throw failure;
        }
        format.refuseUnfinished(rows, table);
        return rows;
    }

    boolean exists(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            statement.setString(1, table.qualified());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    /**
     * Creates the schema and the table where missing (the first real apply does this). Only what is missing is
     * created, so a role that may write the table needs no CREATE privilege once it exists.
     */
    void create(Connection connection, ConnectionSpec spec) throws SQLException {
        if (exists(connection)) {
            return;
        }
        String user = spec.user() == null ? "the role in " + spec.inputName() : spec.user();
        try (Statement statement = connection.createStatement()) {
            if (!schemaExists(connection)) {
                try {
                    statement.execute("CREATE SCHEMA IF NOT EXISTS " + table.quotedSchema());
                } catch (SQLException failure) {
                    if ("42501".equals(failure.getSQLState())) {
                        throw new UserError(ExitCode.PRIVILEGE, spec.inputName() + ": role '" + user + "' may not create the schema "
                                + table.schema() + " for the history table (" + firstLine(failure) + "); grant it: GRANT CREATE ON DATABASE "
                                + HistoryTable.quoteIdent(spec.database()) + " TO " + user + "; or create the schema for it: CREATE SCHEMA "
                                + table.quotedSchema() + " AUTHORIZATION " + user + ".", failure);
                    }
                    throw failure;
                }
            }
            try {
                statement.execute(format.createTable(table));
            } catch (SQLException failure) {
                if ("42501".equals(failure.getSQLState())) {
                    throw new UserError(ExitCode.PRIVILEGE, spec.inputName() + ": role '" + user + "' may not create the history table "
                            + table.display() + " (" + firstLine(failure) + "); grant it: GRANT CREATE ON SCHEMA " + table.quotedSchema()
                            + " TO " + user + ".", failure);
                }
                throw failure;
            }
        }
    }

    private boolean schemaExists(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            statement.setString(1, table.schema());
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Writes one row, in whatever transaction the connection is in. */
    void record(Connection connection, Migration migration, String description, long executionMs, boolean success)
            throws SQLException {
        format.record(connection, table, migration, description, executionMs, success);
    }

    /**
     * The highest baseline recorded (Flyway's 'flyway baseline' row, or --baseline-version's): the database already
     * holds every version up to it, files or not.
     */
    static java.util.Optional<MigrationVersion> baselineOf(List<Row> rows) {
        return rows.stream().filter(Row::baseline).map(Row::version).max(java.util.Comparator.naturalOrder());
    }

    static String firstLine(Throwable failure) {
        return Secrets.redact(ErrorText.firstLine(failure));
    }
}
