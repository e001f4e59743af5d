package io.neontwin.twin;

import io.neontwin.errors.ExitCode;
import io.neontwin.report.TwinReport;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A refresh that fails after it began writing leaves developers the previous twin, and no staging database. */
class FailedRefreshTest {
    @Test
    void aRefreshThatFailsMidWayKeepsThePreviousTwinExactlyAsItWas() {
        TestServer production = PostgresServers.get(13);
        TestServer twin = PostgresServers.get(15, "twin");
        production.createDatabase("fragile_prod");
        production.execute("fragile_prod", "CREATE TABLE orders (id int PRIMARY KEY)", "INSERT INTO orders SELECT generate_series(1, 10)");
        twin.dropDatabase("fragile_twin");
        assertEquals(ExitCode.OK, TwinFixtures.twin(production, "fragile_prod", twin, "fragile_twin").exitCode());
        String markerBefore = twin.queryString("postgres", "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = 'fragile_twin'");

        // Production gains an extension whose install script fails on the twin's server: the schema phase fails
        // after the staging database was created.
        writeExtension(production, "SELECT 1;");
        writeExtension(twin, "SELECT 1 / 0;");
        production.execute("fragile_prod", "CREATE EXTENSION neon_twin_fragile", "INSERT INTO orders SELECT generate_series(11, 20)");

        TwinReport report = TwinFixtures.twin(production, "fragile_prod", twin, "fragile_twin").report();

        assertEquals(ExitCode.COPY_FAILED.code(), report.failure().exitCode());
        assertEquals("schema", report.failure().phase());
        assertTrue(report.failure().message().contains("division by zero"), report.failure().message());
        assertEquals("previous twin kept unchanged", report.failure().twinState());
        assertEquals(10, twin.queryLong("fragile_twin", "SELECT count(*) FROM orders"), "developers still have the previous twin");
        assertEquals(markerBefore, twin.queryString("postgres", "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = 'fragile_twin'"));
        assertFalse(TwinFixtures.databaseExists(twin, "fragile_twin__twin_staging"), "the failed run dropped its staging database");
        production.dropDatabase("fragile_prod");
    }

    private static void writeExtension(TestServer server, String script) {
        PostgresServers.writeShareFile(server, "extension/neon_twin_fragile.control", "default_version = '1.0'\nrelocatable = true\n");
        PostgresServers.writeShareFile(server, "extension/neon_twin_fragile--1.0.sql", script + "\n");
    }
}
