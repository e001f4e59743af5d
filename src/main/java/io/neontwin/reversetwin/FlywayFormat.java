package io.neontwin.reversetwin;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.zip.CRC32;

/**
 * Flyway's history, flyway_schema_history, written as Flyway writes it so that {@code flyway info/validate/migrate}
 * keep working on production. From Flyway's sources (flyway/flyway):
 * <ul>
 * <li>the table: PostgreSQLDatabase.getRawCreateScript (columns, the {@code <table>_pk} primary key on
 * installed_rank and the {@code <table>_s_idx} index on success);</li>
 * <li>a row: JdbcTableSchemaHistory.doAddAppliedMigration: installed_rank one more than the last, the version as
 * written with '_' read as '.', the description from the file name with '_' as spaces, type {@code SQL}, script the
 * path relative to the location, installed_by the current user, execution_time in milliseconds;</li>
 * <li>the checksum: ChecksumCalculator.calculateChecksumForResource, a CRC32 updated with each line's UTF-8 bytes
 * as BufferedReader.readLine returns them (line ends dropped, a byte order mark dropped from the first line), kept as
 * a signed int.</li>
 * </ul>
 */
final class FlywayFormat implements MigrationFormat {
    static final FlywayFormat INSTANCE = new FlywayFormat();
    static final String TABLE_NAME = "flyway_schema_history";

    private FlywayFormat() {
    }

    @Override
    public String name() {
        return "flyway";
    }

    @Override
    public String defaultHistoryTable() {
        return HistoryTable.DEFAULT_SCHEMA + "." + TABLE_NAME;
    }

    /**
     * Updating a CRC32 with each line in turn is updating it with the lines joined: the text without its line ends.
     * The file's text has its byte order mark removed already (MigrationFile), as Flyway's BomFilter does.
     */
    @Override
    public String checksum(Migration migration) {
        CRC32 crc32 = new CRC32();
        crc32.update(migration.text().replace("\r", "").replace("\n", "").getBytes(StandardCharsets.UTF_8));
        return Integer.toString((int) crc32.getValue());
    }

    @Override
    public String createTable(HistoryTable table) {
        return "CREATE TABLE " + table.qualified() + " (\n"
                + "    \"installed_rank\" INT NOT NULL,\n"
                + "    \"version\" VARCHAR(50),\n"
                + "    \"description\" VARCHAR(200) NOT NULL,\n"
                + "    \"type\" VARCHAR(20) NOT NULL,\n"
                + "    \"script\" VARCHAR(1000) NOT NULL,\n"
                + "    \"checksum\" INTEGER,\n"
                + "    \"installed_by\" VARCHAR(100) NOT NULL,\n"
                + "    \"installed_on\" TIMESTAMP NOT NULL DEFAULT now(),\n"
                + "    \"execution_time\" INTEGER NOT NULL,\n"
                + "    \"success\" BOOLEAN NOT NULL\n"
                + ");\n"
                + "ALTER TABLE " + table.qualified() + " ADD CONSTRAINT " + HistoryTable.quoteIdent(table.name() + "_pk")
                + " PRIMARY KEY (\"installed_rank\");\n"
                + "CREATE INDEX " + HistoryTable.quoteIdent(table.name() + "_s_idx") + " ON " + table.qualified()
                + " (\"success\")";
    }

    /** Repeatable migrations (no version) and the SCHEMA marker row are not versions to compare with the folder. */
    @Override
    public String selectRows(HistoryTable table) {
        return "SELECT version, CASE WHEN type = 'BASELINE' THEN '" + MigrationHistory.BASELINE_MARK + "' || description "
                + "ELSE description END, script, checksum::text, installed_on, installed_by, execution_time, success FROM "
                + table.qualified() + " WHERE version IS NOT NULL AND type <> 'SCHEMA' ORDER BY installed_rank";
    }

    @Override
    public void record(Connection connection, HistoryTable table, Migration migration, String description,
                       long executionMs, boolean success) throws SQLException {
        if (description.startsWith(MigrationHistory.BASELINE_MARK)) {
            // Flyway records one BASELINE row of its own making; rows per migration marked applied would not be its.
            throw new UserError(ExitCode.INVALID_INPUT, "--baseline-version (input baseline-version) cannot be used with "
                    + "Flyway's history " + table.display() + "; run 'flyway baseline' on production instead.");
        }
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + table.qualified()
                + " (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)"
                + " VALUES ((SELECT coalesce(max(installed_rank), 0) + 1 FROM " + table.qualified() + "), ?, ?, 'SQL', ?, ?,"
                + " current_user, ?, ?)")) {
            statement.setString(1, migration.version().toString());
            statement.setString(2, description);
            statement.setString(3, migration.file());
            statement.setInt(4, Integer.parseInt(checksum(migration)));
            statement.setInt(5, (int) Math.min(executionMs, Integer.MAX_VALUE));
            statement.setBoolean(6, success);
            statement.executeUpdate();
        }
    }
}
