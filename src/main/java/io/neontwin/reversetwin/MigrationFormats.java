package io.neontwin.reversetwin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Which migration tool's history production keeps. A history table named by the user decides by its name
 * (flyway_schema_history is Flyway's); without one, the history table production already has decides, so that a
 * team using Flyway finds its rows in flyway_schema_history without saying so; with neither, neon-twin's own.
 */
final class MigrationFormats {
    /** The format and the history table it is kept in. */
    record Choice(MigrationFormat format, HistoryTable table) {
    }

    private MigrationFormats() {
    }

    /** @param historyTable the history table the user gave; null or the default for none */
    static Choice choose(String historyTable, Connection production) throws SQLException {
        boolean named = historyTable != null && !historyTable.equals(ReverseTwinOptions.DEFAULT_HISTORY_TABLE);
        if (named) {
            HistoryTable table = HistoryTable.parse(historyTable);
            return new Choice(table.name().equals(FlywayFormat.TABLE_NAME) ? FlywayFormat.INSTANCE : NeonTwinFormat.INSTANCE,
                    table);
        }
        HistoryTable own = HistoryTable.parse(ReverseTwinOptions.DEFAULT_HISTORY_TABLE);
        HistoryTable flyway = HistoryTable.parse(FlywayFormat.INSTANCE.defaultHistoryTable());
        if (!exists(production, own) && exists(production, flyway)) {
            return new Choice(FlywayFormat.INSTANCE, flyway);
        }
        return new Choice(NeonTwinFormat.INSTANCE, own);
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
