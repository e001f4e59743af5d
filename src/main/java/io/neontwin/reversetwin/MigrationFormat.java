package io.neontwin.reversetwin;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A migration tool's conventions, so that a team keeps using its own tool next to neon-twin: how a migration's
 * checksum is computed and how the tool's history table is created, read and written. Rows written must be ones the
 * tool itself accepts (each implementation says from which of the tool's sources it knows).
 */
interface MigrationFormat {
    /** The name users see and give (docs/reverse-twin.md). */
    String name();

    /** The history table this tool keeps when the user names none. */
    String defaultHistoryTable();

    /** The checksum the tool records for this migration, as text (compared with the history's). */
    String checksum(Migration migration);

    /** The CREATE TABLE (and its indexes) the tool itself would run, for a table that does not exist yet. */
    String createTable(HistoryTable table);

    /**
     * A query of the applied migrations, oldest first, with the columns version, description, file, checksum (text),
     * installed at, installed by, execution ms, success.
     */
    String selectRows(HistoryTable table);

    /** Writes one row, in whatever transaction the connection is in. */
    void record(Connection connection, HistoryTable table, Migration migration, String description, long executionMs,
                boolean success) throws SQLException;

    /**
     * Refuses a history its tool would refuse to continue from, with the tool's own way out; by default the plan
     * refuses a failed row itself.
     */
    default void refuseUnfinished(java.util.List<MigrationHistory.Row> rows, HistoryTable table) {
    }
}
