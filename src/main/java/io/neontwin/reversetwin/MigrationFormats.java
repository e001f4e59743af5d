package io.neontwin.reversetwin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Which migration tool's history production keeps. A history table named by the user decides by its name
 * (flyway_schema_history is Flyway's) or its columns (golang-migrate's has dirty); without one, the history table production already has decides, so that a
 * team using Flyway finds its rows in flyway_schema_history without saying so; with neither, neon-twin's own.
 */
final class MigrationFormats {
    /** The format and the history table it is kept in. */
    record Choice(MigrationFormat format, HistoryTable table) {
    }

    private MigrationFormats() {
    }

    /** @param historyTable the history table the user gave; null or the default for none */
    static Choice choose(String historyTable, Connection production, List<Migration> files) throws SQLException {
        boolean named = historyTable != null && !historyTable.equals(ReverseTwinOptions.DEFAULT_HISTORY_TABLE);
        if (named) {
            HistoryTable table = HistoryTable.parse(historyTable);
            if (table.name().equals(FlywayFormat.TABLE_NAME)) {
                return new Choice(FlywayFormat.INSTANCE, table);
            }
            if (isGolangMigrate(production, table, files)) {
                return new Choice(GolangMigrateFormat.INSTANCE, table);
            }
            return new Choice(NeonTwinFormat.INSTANCE, table);
        }
        HistoryTable own = HistoryTable.parse(ReverseTwinOptions.DEFAULT_HISTORY_TABLE);
        if (exists(production, own)) {
            return new Choice(NeonTwinFormat.INSTANCE, own);
        }
        HistoryTable flyway = HistoryTable.parse(FlywayFormat.INSTANCE.defaultHistoryTable());
        if (exists(production, flyway)) {
            return new Choice(FlywayFormat.INSTANCE, flyway);
        }
        HistoryTable golang = HistoryTable.parse(GolangMigrateFormat.INSTANCE.defaultHistoryTable());
        if (exists(production, golang) && hasColumn(production, golang, "dirty")) {
            return new Choice(GolangMigrateFormat.INSTANCE, golang);
        }
        return new Choice(NeonTwinFormat.INSTANCE, own);
    }

    /**
     * A table with golang-migrate's dirty column; or, where none exists yet, a folder of golang-migrate's
     * &lt;version&gt;_&lt;title&gt;.up.sql files.
     */
    private static boolean isGolangMigrate(Connection production, HistoryTable table, List<Migration> files)
            throws SQLException {
        if (exists(production, table)) {
            return hasColumn(production, table, "dirty");
        }
        return table.name().equals(GolangMigrateFormat.TABLE_NAME) && files.stream().allMatch(m -> m.file().endsWith(".up.sql"));
    }

    private static boolean hasColumn(Connection connection, HistoryTable table, String column) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(?) AND attname = ? AND NOT attisdropped")) {
            statement.setString(1, table.qualified());
            statement.setString(2, column);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    private static boolean exists(Connection connection, HistoryTable table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            statement.setString(1, table.qualified());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }
}
