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
    void aStagingDatabaseLeftByAKilledRunIsDroppedByTheNextRun() {
        twin.dropDatabase("safety_leftover");
        assertEquals(ExitCode.OK, TwinFixtures.twin(production, "safety_prod", twin, "safety_leftover").exitCode());
        twin.execute("postgres", "CREATE DATABASE safety_leftover__twin_staging");
        twin.execute("safety_leftover__twin_staging", "CREATE TABLE half_copied (id int)");

        TwinResult result = TwinFixtures.twin(production, "safety_prod", twin, "safety_leftover");

        assertEquals(ExitCode.OK, result.exitCode(), () -> String.valueOf(result.report().failure()));
        assertEquals(100, twin.queryLong("safety_leftover", "SELECT count(*) FROM accounts"));
        assertEquals(0, twin.queryLong("safety_leftover", "SELECT count(*) FROM pg_class WHERE relname = 'half_copied'"));
        assertFalse(TwinFixtures.databaseExists(twin, "safety_leftover__twin_staging"));
    }
}
