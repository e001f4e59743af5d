package io.neontwin.twin;

import io.neontwin.connection.ConnectionSpec;
import io.neontwin.errors.ExitCode;
import io.neontwin.report.PhaseTiming;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestClients;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the swap will need from the twin's role (CREATEDB, owning the databases it renames and drops, the right to end
 * the sessions on them) is checked in preflight: a run that lacks it fails before any copy, with the exit code for
 * the cause and the fix, instead of after the whole copy as an "unexpected" failure.
 */
class SwapReadinessTest {
    static TestServer production;
    static TestServer twin;

    @BeforeAll
    static void createProductionAndRoles() {
        production = PostgresServers.get(15);
        twin = PostgresServers.get(15, "twin");
        production.createDatabase("ready_prod");
        production.execute("ready_prod", "CREATE TABLE orders (id int PRIMARY KEY, note text)",
                "INSERT INTO orders SELECT g, 'order ' || g FROM generate_series(1, 50) g");
        for (String role : List.of("ready_maker", "ready_nocreate", "ready_dev")) {
            twin.execute("postgres", "DROP ROLE IF EXISTS " + role, "CREATE ROLE " + role + " LOGIN PASSWORD 'role-secret'");
        }
        twin.execute("postgres", "ALTER ROLE ready_maker CREATEDB");
    }

    private static TestServer as(String role) {
        return new TestServer(twin.major(), twin.host(), twin.port(), role, "role-secret");
    }

    private static TwinOptions optionsAs(String role, String twinDatabase) {
        return TwinOptions.of(ConnectionSpec.parse("production-url", production.url("ready_prod")),
                ConnectionSpec.parse("twin-url", as(role).url(twinDatabase))).withJobs(2).withPgBinDirs(TestClients.extraBinDirs());
    }

    private static void assertFailedBeforeTheCopy(TwinResult result, ExitCode expected, String... words) {
        assertEquals(expected, result.exitCode(), () -> String.valueOf(result.report().failure()));
        assertEquals("preflight", result.report().failure().phase());
        assertFalse(result.report().phases().stream().map(PhaseTiming::phase).anyMatch(p -> p.equals("data")), "nothing was copied");
        String message = result.report().failure().message();
        for (String word : words) {
            assertTrue(message.contains(word), message);
        }
    }

    @Test
    void aRoleWithoutCreatedbIsToldSoByPreflightEvenInADryRun() {
        twin.dropDatabase("ready_nocreate_twin");

        TwinResult result = TwinFixtures.twin(optionsAs("ready_nocreate", "ready_nocreate_twin").withDryRun(true));

        assertFailedBeforeTheCopy(result, ExitCode.PRIVILEGE, "CREATEDB", "ready_nocreate");
    }

    @Test
    void aTwinOwnedByAnotherRoleFailsInPreflightNotAfterTheCopy() {
        twin.dropDatabase("ready_owned_by_other");
        assertEquals(ExitCode.OK, TwinFixtures.twin(production, "ready_prod", twin, "ready_owned_by_other").exitCode());
        String markerBefore = marker("ready_owned_by_other");

        TwinResult result = TwinFixtures.twin(optionsAs("ready_maker", "ready_owned_by_other"));

        assertFailedBeforeTheCopy(result, ExitCode.PRIVILEGE, "does not own", "ready_owned_by_other", "OWNER TO ready_maker");
        assertEquals(markerBefore, marker("ready_owned_by_other"), "the previous twin is untouched");
        assertEquals(50, twin.queryLong("ready_owned_by_other", "SELECT count(*) FROM orders"));
        assertFalse(TwinFixtures.databaseExists(twin, "ready_owned_by_other__twin_staging"));
    }

    @Test
    void anotherRolesSessionOnTheTwinFailsInPreflightUntilTheRoleMayEndIt() throws Exception {
        twin.dropDatabase("ready_busy_twin");
        twin.execute("postgres", "REVOKE pg_signal_backend FROM ready_maker");
        assertEquals(ExitCode.OK, TwinFixtures.twin(optionsAs("ready_maker", "ready_busy_twin")).exitCode());

        try (Connection developer = as("ready_dev").connect("ready_busy_twin")) {
            TwinResult refused = TwinFixtures.twin(optionsAs("ready_maker", "ready_busy_twin"));

            assertFailedBeforeTheCopy(refused, ExitCode.BUSY, "ready_dev", "GRANT pg_signal_backend TO ready_maker");
            assertFalse(developer.isClosed());

            twin.execute("postgres", "GRANT pg_signal_backend TO ready_maker");
            TwinResult allowed = TwinFixtures.twin(optionsAs("ready_maker", "ready_busy_twin"));

            assertEquals(ExitCode.OK, allowed.exitCode(), () -> String.valueOf(allowed.report().failure()));
            assertFalse(developer.isValid(2), "the developer's session was ended for the swap");
        } finally {
            twin.execute("postgres", "REVOKE pg_signal_backend FROM ready_maker");
        }
    }

    @Test
    void aSuperusersSessionOnALeftoverStagingDatabaseFailsInPreflight() throws Exception {
        twin.dropDatabase("ready_leftover");
        twin.dropDatabase("ready_leftover__twin_staging");
        as("ready_maker").execute("postgres", "CREATE DATABASE ready_leftover__twin_staging");

        try (Connection superuser = twin.connect("ready_leftover__twin_staging")) {
            TwinResult refused = TwinFixtures.twin(optionsAs("ready_maker", "ready_leftover"));

            assertFailedBeforeTheCopy(refused, ExitCode.BUSY, "ready_leftover__twin_staging");
            assertTrue(refused.report().failure().message().contains(twin.user()), refused.report().failure().message());
            assertFalse(superuser.isClosed());
        }
        assertEquals(ExitCode.OK, TwinFixtures.twin(optionsAs("ready_maker", "ready_leftover")).exitCode(),
                "once the session is gone, the next run drops the leftover and succeeds");
    }

    private static String marker(String database) {
        return twin.queryString("postgres", "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '" + database + "'");
    }
}
