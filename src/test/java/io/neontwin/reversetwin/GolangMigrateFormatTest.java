package io.neontwin.reversetwin;

import io.neontwin.errors.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.neontwin.reversetwin.ReverseTwinFixtures.failure;
import static io.neontwin.reversetwin.ReverseTwinFixtures.rows;
import static io.neontwin.reversetwin.ReverseTwinFixtures.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With golang-migrate's history, production's schema_migrations holds the one row golang-migrate itself reads
 * (database/postgres/postgres.go: version bigint, dirty boolean, replaced on each migration), and neon-twin reads a
 * row golang-migrate wrote as "every version up to it applied".
 */
class GolangMigrateFormatTest {
    private static final String TABLE = "public.schema_migrations";
    /** golang-migrate's own CREATE TABLE (ensureVersionTable), as production has it after 'migrate up'. */
    private static final String ITS_TABLE = "CREATE TABLE IF NOT EXISTS " + TABLE
            + " (version bigint not null primary key, dirty boolean not null)";

    @TempDir
    Path folder;

    @Test
    void aFolderAppliedFromScratchThenAgainThenWithANewMigrationKeepsTheOneRowGolangMigrateReads() {
        ReverseTwinFixtures.Pair pair = ReverseTwinFixtures.pair(folder)
                .write("1_create_orders.up.sql", "CREATE TABLE orders (id int PRIMARY KEY);")
                .write("1_create_orders.down.sql", "DROP TABLE orders;")
                .write("2_add_total.up.sql", "ALTER TABLE orders ADD COLUMN total numeric;")
                .write("2_add_total.down.sql", "ALTER TABLE orders DROP COLUMN total;");
        ReverseTwinOptions options = ReverseTwinFixtures.withHistoryTable(pair.options(), TABLE);

        ReverseTwinResult first = pair.run(options);

        assertEquals(ExitCode.OK, first.exitCode(), () -> failure(first));
        assertEquals(List.of("1 applied", "2 applied"), statuses(first));
        assertEquals(List.of("2 false"), golangRows(pair));
        assertEquals(List.of("bigint", "boolean"), rows(pair.productionServer, pair.production, "SELECT format_type(atttypid, atttypmod) "
                + "FROM pg_attribute WHERE attrelid = '" + TABLE + "'::regclass AND attnum > 0 ORDER BY attnum"));
        assertFalse(pair.historyExists());

        ReverseTwinResult again = pair.run(options);
        assertEquals(ExitCode.OK, again.exitCode(), () -> failure(again));
        assertEquals(List.of(), statuses(again));

        pair.write("3_first_order.up.sql", "INSERT INTO orders VALUES (1, 9.5);");
        ReverseTwinResult third = pair.run(options);

        assertEquals(ExitCode.OK, third.exitCode(), () -> failure(third));
        assertEquals(List.of("3 applied"), statuses(third));
        assertEquals(List.of("3 false"), golangRows(pair));
    }

    @Test
    void productionMigratedByGolangMigrateIsFoundAndContinuedWithoutBeingNamed() {
        ReverseTwinFixtures.Pair pair = ReverseTwinFixtures.pair(folder)
                .write("20240101000000_create_orders.up.sql", "CREATE TABLE orders (id int PRIMARY KEY);")
                .write("20240201000000_add_note.up.sql", "ALTER TABLE orders ADD COLUMN note text;");
        pair.both("CREATE TABLE orders (id int PRIMARY KEY)", ITS_TABLE,
                "INSERT INTO " + TABLE + " (version, dirty) VALUES (20240101000000, false)");

        ReverseTwinResult result = pair.run();

        assertEquals(ExitCode.OK, result.exitCode(), () -> failure(result));
        assertEquals(List.of("20240201000000 applied"), statuses(result));
        assertEquals(List.of("20240201000000 false"), golangRows(pair));
        assertFalse(pair.historyExists());
    }

    @Test
    void aDirtyVersionStopsThePlanBeforeProductionIsTouched() {
        ReverseTwinFixtures.Pair pair = ReverseTwinFixtures.pair(folder)
                .write("1_create_orders.up.sql", "CREATE TABLE orders (id int PRIMARY KEY);")
                .write("2_add_note.up.sql", "ALTER TABLE orders ADD COLUMN note text;");
        pair.both("CREATE TABLE orders (id int PRIMARY KEY)", ITS_TABLE, "INSERT INTO " + TABLE + " (version, dirty) VALUES (1, true)");

        ReverseTwinResult result = pair.run();

        assertEquals(ExitCode.MIGRATIONS_INVALID, result.exitCode(), () -> failure(result));
        assertTrue(result.report().failure().message().contains("dirty at version 1")
                && result.report().failure().message().contains("migrate force 1"), () -> failure(result));
        assertEquals(List.of("1 true"), golangRows(pair));
    }

    private static List<String> golangRows(ReverseTwinFixtures.Pair pair) {
        return rows(pair.productionServer, pair.production, "SELECT version || ' ' || dirty FROM " + TABLE);
    }
}
