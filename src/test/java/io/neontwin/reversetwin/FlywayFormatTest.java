package io.neontwin.reversetwin;

import io.neontwin.errors.ExitCode;
import io.neontwin.testing.TestServer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateResult;
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
 * With Flyway's history, production's flyway_schema_history holds the rows Flyway itself would write: the real
 * Flyway, pointed at the same folder and database, validates them (versions, descriptions, types, checksums) and
 * finds nothing pending; and neon-twin reads the rows Flyway wrote.
 */
class FlywayFormatTest {
    private static final String FLYWAY_HISTORY = "public.flyway_schema_history";

    @TempDir
    Path folder;

    @Test
    void aFolderAppliedFromScratchThenAgainThenWithANewMigrationKeepsFlywaysHistoryAsFlywayWritesIt() {
        ReverseTwinFixtures.Pair pair = ReverseTwinFixtures.pair(folder)
                .write("V1__create_orders.sql", "-- orders of an account\r\nCREATE TABLE orders (id int PRIMARY KEY,\r\n"
                        + "  account_id int REFERENCES accounts);\r\n")
                .write("sub/V1_1__add_total.sql", "\uFEFFALTER TABLE orders ADD COLUMN total numeric NOT NULL DEFAULT 0; -- é\n");
        ReverseTwinOptions options = ReverseTwinFixtures.withHistoryTable(pair.options(), FLYWAY_HISTORY);

        ReverseTwinResult first = pair.run(options);

        assertEquals(ExitCode.OK, first.exitCode(), () -> failure(first));
        assertEquals(List.of("1 applied", "1.1 applied"), statuses(first));
        assertEquals(List.of("1|1|create orders|SQL|V1__create_orders.sql|t",
                "2|1.1|add total|SQL|sub/V1_1__add_total.sql|t"), flywayRows(pair));
        assertFlywayAccepts(pair);
        assertFalse(pair.historyExists(), "neon-twin's own history is not written next to Flyway's");

        ReverseTwinResult again = pair.run(options);

        assertEquals(ExitCode.OK, again.exitCode(), () -> failure(again));
        assertEquals(List.of(), statuses(again));
        assertEquals(2, flywayRows(pair).size());

        pair.write("V2__first_order.sql", "INSERT INTO orders (id, account_id, total) VALUES (1, 1, 9.5);");
        ReverseTwinResult third = pair.run(options);

        assertEquals(ExitCode.OK, third.exitCode(), () -> failure(third));
        assertEquals(List.of("2 applied"), statuses(third));
        assertEquals("3|2|first order|SQL|V2__first_order.sql|t", flywayRows(pair).get(2));
        assertEquals(pair.productionServer.user(), rows(pair.productionServer, pair.production,
                "SELECT DISTINCT installed_by FROM " + FLYWAY_HISTORY).get(0));
        assertFlywayAccepts(pair);
    }

    @Test
    void productionMigratedByFlywayIsReadAndContinuedInFlywaysHistoryWithoutBeingNamed() {
        ReverseTwinFixtures.Pair pair = ReverseTwinFixtures.pair(folder)
                .write("V0_5__before_flyway.sql", "CREATE TABLE accounts (id int PRIMARY KEY);\n")
                .write("V1__create_orders.sql", "CREATE TABLE orders (id int PRIMARY KEY);\n\n-- two lines after\n");
        // production had its accounts table before Flyway came: 'flyway baseline' at 0.9, then 'flyway migrate'
        for (TestServer server : List.of(pair.productionServer, pair.twinServer)) {
            Flyway.configure().configuration(flyway(server, server == pair.productionServer ? pair.production : pair.twin)
                    .getConfiguration()).baselineOnMigrate(true).baselineVersion("0.9").load().migrate();
        }
        pair.write("V2__add_note.sql", "ALTER TABLE orders ADD COLUMN note text;\n");

        ReverseTwinResult result = pair.run();

        assertEquals(ExitCode.OK, result.exitCode(), () -> failure(result));
        assertEquals(List.of("2 applied"), statuses(result), "V0.5 is below Flyway's baseline, V1's row is read as applied");
        assertEquals(List.of("1|0.9|<< Flyway Baseline >>|BASELINE|<< Flyway Baseline >>|t",
                "2|1|create orders|SQL|V1__create_orders.sql|t", "3|2|add note|SQL|V2__add_note.sql|t"), flywayRows(pair));
        assertTrue(pair.infos.stream().anyMatch(line -> line.contains("flyway's " + FLYWAY_HISTORY)), pair.infos::toString);
        assertFalse(pair.historyExists());
        assertFlywayAccepts(pair);
    }

    @Test
    void theChecksumIsFlywaysCrc32OfTheLinesWithoutTheirEnds() {
        // Changing only line ends (LF to CRLF) keeps Flyway's checksum; changing a character changes it.
        Migration lf = migration("CREATE TABLE a (id int);\nSELECT 1;\n");
        Migration crlf = migration("CREATE TABLE a (id int);\r\nSELECT 1;\r\n");
        Migration other = migration("CREATE TABLE b (id int);\nSELECT 1;\n");
        assertEquals(FlywayFormat.INSTANCE.checksum(lf), FlywayFormat.INSTANCE.checksum(crlf));
        assertFalse(FlywayFormat.INSTANCE.checksum(lf).equals(FlywayFormat.INSTANCE.checksum(other)));
    }

    private static Migration migration(String text) {
        return new Migration(MigrationVersion.parse("1"), "a", "V1__a.sql", text, "sha", List.of(), true);
    }

    /** The real Flyway: every row validates against the folder (checksums included) and nothing is pending. */
    private void assertFlywayAccepts(ReverseTwinFixtures.Pair pair) {
        Flyway flyway = flyway(pair.productionServer, pair.production);
        ValidateResult validation = flyway.validateWithResult();
        assertTrue(validation.validationSuccessful, () -> validation.getAllErrorMessages());
        assertEquals(0, flyway.info().pending().length);
    }

    private Flyway flyway(TestServer server, String database) {
        return Flyway.configure()
                .dataSource("jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + database, server.user(),
                        server.password())
                .locations("filesystem:" + folder)
                .load();
    }

    private static List<String> flywayRows(ReverseTwinFixtures.Pair pair) {
        return rows(pair.productionServer, pair.production, "SELECT concat_ws('|', installed_rank, version, description, "
                + "type, script, success) FROM " + FLYWAY_HISTORY + " ORDER BY installed_rank");
    }
}
