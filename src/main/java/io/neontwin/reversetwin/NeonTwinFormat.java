package io.neontwin.reversetwin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** neon-twin's own history (neon_twin.schema_migrations): one row per version, the file's SHA-256 as checksum. */
final class NeonTwinFormat implements MigrationFormat {
    static final NeonTwinFormat INSTANCE = new NeonTwinFormat();

    private NeonTwinFormat() {
    }

    @Override
    public String name() {
        return "neon-twin";
    }

    @Override
    public String defaultHistoryTable() {
        return ReverseTwinOptions.DEFAULT_HISTORY_TABLE;
    }

    @Override
    public String checksum(Migration migration) {
        return migration.checksum();
    }

    @Override
    public String createTable(HistoryTable table) {
        return "CREATE TABLE IF NOT EXISTS " + table.qualified() + " ("
                + "version text PRIMARY KEY, "
                + "description text, "
                + "file text, "
                + "checksum text, "
                + "installed_at timestamptz NOT NULL DEFAULT now(), "
                + "installed_by text NOT NULL DEFAULT current_user, "
                + "execution_ms bigint, "
                + "success boolean NOT NULL)";
    }

    @Override
    public String selectRows(HistoryTable table) {
        return "SELECT version, description, file, checksum, installed_at, installed_by, execution_ms, success FROM "
                + table.qualified() + " ORDER BY installed_at, version";
    }

    @Override
    public void record(Connection connection, HistoryTable table, Migration migration, String description,
                       long executionMs, boolean success) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + table.qualified()
                + " (version, description, file, checksum, execution_ms, success) VALUES (?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, migration.version().toString());
            statement.setString(2, description);
            statement.setString(3, migration.file());
            statement.setString(4, migration.checksum());
            statement.setLong(5, executionMs);
            statement.setBoolean(6, success);
            statement.executeUpdate();
        }
    }
}
