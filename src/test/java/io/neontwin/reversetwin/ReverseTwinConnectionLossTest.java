package io.neontwin.reversetwin;

import io.neontwin.errors.ExitCode;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static io.neontwin.reversetwin.ReverseTwinFixtures.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A session the server ends (pg_terminate_backend: SQLSTATE 57P01, as an administrator or a pooler would) in any
 * phase of the reverse twin is a lost connection: the connection exit code and "run again", never "unexpected,
 * report it", and production keeps no half-applied migration. (The twin's own matrix is FaultMatrixTest.)
 */
class ReverseTwinConnectionLossTest {
    @TempDir
    Path folder;

    @ParameterizedTest(name = "sessions ended in {0}")
    @ValueSource(strings = {"preflight", "plan", "rehearsal", "apply"})
    void aSessionEndedByTheServerInAnyPhaseIsALostConnection(String phase) {
        ReverseTwinFixtures.Pair pair = ReverseTwinFixtures.pair(folder);
        pair.write("V1__create_orders.sql", "CREATE TABLE orders (id int);");
        if (phase.equals("preflight")) {
            endTheProbeSessionWhenItReadsTheServer(pair);
        } else {
            pair.onPhaseStarted = started -> {
                if (started.equals(phase)) {
                    assertTrue(endSessions(pair.productionServer, pair.production) + endSessions(pair.twinServer, pair.twin) > 0,
                            "the run had sessions to end in " + phase);
                }
            };
        }

        ReverseTwinResult result = pair.run();

        assertEquals(ExitCode.CONNECTION, result.exitCode(), () -> failure(result));
        assertEquals(phase, result.report().failure().phase(), () -> failure(result));
        String message = result.report().failure().message();
        assertTrue(message.contains("was lost") && message.contains("run again"), message);
        assertFalse(message.contains("Unexpected") || message.contains("report it"), message);
        assertFalse(pair.onProduction("orders"), "production has no part of V1");
    }

    /**
     * Preflight holds its sessions only a moment: production's database resolves pg_database_size, which preflight
     * asks for first, to a function that ends the session that calls it when it is the run's probe session.
     */
    private static void endTheProbeSessionWhenItReadsTheServer(ReverseTwinFixtures.Pair pair) {
        pair.productionServer.execute(pair.production, "CREATE SCHEMA hook", """
                CREATE FUNCTION hook.pg_database_size(oid) RETURNS bigint LANGUAGE plpgsql AS $$
                BEGIN
                    IF current_setting('application_name') LIKE 'neon-twin probe%' THEN
                        PERFORM pg_catalog.pg_terminate_backend(pg_catalog.pg_backend_pid());
                    END IF;
                    RETURN pg_catalog.pg_database_size($1);
                END $$""",
                "ALTER DATABASE " + pair.production + " SET search_path = hook, pg_catalog, public");
    }

    private static long endSessions(TestServer server, String database) {
        return server.queryLong("postgres", "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
                + "WHERE datname = '" + database + "' AND pid <> pg_backend_pid()");
    }
}
