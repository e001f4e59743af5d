package io.neontwin.reversetwin;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * golang-migrate's history: one row, the version the database is at and whether a migration to it stopped half-way
 * (dirty). From its sources (golang-migrate/migrate, database/postgres/postgres.go): ensureVersionTable creates
 * {@code schema_migrations (version bigint not null primary key, dirty boolean not null)}; SetVersion empties the
 * table and inserts the one row, in a transaction; Version reads it with LIMIT 1. Every file at or below that
 * version counts as applied, so the row reads as a baseline. golang-migrate keeps no checksum.
 */
final class GolangMigrateFormat implements MigrationFormat {
    static final GolangMigrateFormat INSTANCE = new GolangMigrateFormat();
    static final String TABLE_NAME = "schema_migrations";

    private GolangMigrateFormat() {
    }

    @Override
    public String name() {
        return "golang-migrate";
    }

    @Override
    public String defaultHistoryTable() {
        return HistoryTable.DEFAULT_SCHEMA + "." + TABLE_NAME;
    }

    @Override
    public String checksum(Migration migration) {
        return null;
    }

    @Override
    public String createTable(HistoryTable table) {
        return "CREATE TABLE IF NOT EXISTS " + table.qualified() + " (version bigint not null primary key, dirty boolean not null)";
    }

    @Override
    public String selectRows(HistoryTable table) {
        return "SELECT version::text, '" + MigrationHistory.BASELINE_MARK + "golang-migrate version', NULL, NULL, "
                + "NULL::timestamptz, NULL, 0, NOT dirty FROM " + table.qualified() + " LIMIT 1";
    }

    /** golang-migrate itself stops on a dirty version ("Dirty database version N. Fix and force version."). */
    @Override
    public void refuseUnfinished(java.util.List<MigrationHistory.Row> rows, HistoryTable table) {
        rows.stream().filter(row -> !row.success()).findFirst().ifPresent(row -> {
            throw new UserError(ExitCode.MIGRATIONS_INVALID, "golang-migrate's history " + table.display() + " is dirty at version "
                    + row.version() + ": a migration to it stopped part-way; finish or undo it by hand on production, then run "
                    + "'migrate force " + row.version() + "' (or the version before it) and run again.");
        });
    }

    /** As SetVersion: the one row replaced; a migration that failed part-way leaves its version dirty. */
    @Override
    public void record(Connection connection, HistoryTable table, Migration migration, String description,
                       long executionMs, boolean success) throws SQLException {
        long version = bigint(migration);
        try (Statement truncate = connection.createStatement()) {
            truncate.execute("TRUNCATE " + table.qualified());
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table.qualified()
                + " (version, dirty) VALUES (?, ?)")) {
            insert.setLong(1, version);
            insert.setBoolean(2, !success);
            insert.executeUpdate();
        }
    }

    private static long bigint(Migration migration) {
        try {
            return new BigInteger(migration.version().toString()).longValueExact();
        } catch (ArithmeticException | NumberFormatException notABigint) {
            throw new UserError(ExitCode.MIGRATIONS_INVALID, "'" + migration.file() + "' has version " + migration.version()
                    + ", which golang-migrate cannot record; name it <number>_<title>.up.sql with a whole number.");
        }
    }
}
