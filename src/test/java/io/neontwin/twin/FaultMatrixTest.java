package io.neontwin.twin;

import io.neontwin.errors.ExitCode;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestClients;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The fault matrix: in every phase, the run's sessions are ended by the server (pg_terminate_backend, as an
 * administrator or a pooler would) or the server goes through a crash restart (every session ended, recovery, then
 * connections again: as after an OOM kill of a backend). Each time the run
 * fails as a lost connection (exit 11, "run again"), never as an unexpected error; developers keep the previous twin
 * (its marker and its rows) and never see a partial one; and the next run succeeds. Production and twin are two
 * databases of one dedicated server, so a restart hits both sides at once and disturbs no other test. And the real
 * jar is killed with SIGKILL in every phase (paused there by the CLI's test hook, NEON_TWIN_TEST_PAUSE_AT).
 */
class FaultMatrixTest {
    private static final String PRODUCTION = "fault_prod";
    private static final String TWIN = "fault_twin";
    private static final List<String> PHASES = List.of("preflight", "schema", "data", "post-data", "sequences", "analyze", "verify", "swap");
    private static TestServer server;

    enum Fault { TERMINATE_SESSIONS, CRASH_RESTART }

    @BeforeAll
    static void createProductionAndItsTwin() {
        server = PostgresServers.get(15, "faults");
        server.createDatabase(PRODUCTION);
        server.execute(PRODUCTION, "CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL)",
                "CREATE TABLE orders (id bigserial PRIMARY KEY, customer int REFERENCES customers, total numeric)",
                "CREATE INDEX orders_customer ON orders (customer)",
                "CREATE MATERIALIZED VIEW totals AS SELECT customer, sum(total) FROM orders GROUP BY customer",
                "INSERT INTO customers (name) SELECT 'customer ' || g FROM generate_series(1, 200) g",
                "INSERT INTO orders (customer, total) SELECT 1 + g % 200, g FROM generate_series(1, 2000) g");
        server.dropDatabase(TWIN);
        assertEquals(ExitCode.OK, TwinFixtures.twin(server, PRODUCTION, server, TWIN).exitCode());
    }

    static Stream<Arguments> phasesAndFaults() {
        List<Arguments> cases = new ArrayList<>();
        for (Fault fault : Fault.values()) {
            for (String phase : PHASES) {
                cases.add(Arguments.of(phase, fault));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("phasesAndFaults")
    void aFaultInAnyPhaseKeepsThePreviousTwinWholeAndTheNextRunSucceeds(String phase, Fault fault) {
        assumeFalse(fault == Fault.CRASH_RESTART && PostgresServers.usingDocker(), "skipped: restarts need an embedded server");
        String markerBefore = marker();
        long ordersBefore = server.queryLong(TWIN, "SELECT count(*) FROM orders");
        server.execute(PRODUCTION, "INSERT INTO orders (customer, total) SELECT 1 + g % 200, g FROM generate_series(1, 10) g");

        TwinResult failed = new TwinEngine(TwinFixtures.options(server, PRODUCTION, server, TWIN), new FaultAt(phase, fault)).run();

        assertEquals(ExitCode.COPY_FAILED, failed.exitCode(), () -> String.valueOf(failed.report().failure()));
        String message = failed.report().failure().message();
        assertFalse(message.contains("Unexpected") || message.contains("report it"), message);
        assertTrue(message.contains("the previous twin is kept"), message);
        assertEquals(markerBefore, marker(), "the previous twin's marker is unchanged");
        assertEquals(ordersBefore, server.queryLong(TWIN, "SELECT count(*) FROM orders"), "the previous twin's rows are unchanged");

        TwinResult next = TwinFixtures.twin(server, PRODUCTION, server, TWIN);

        assertEquals(ExitCode.OK, next.exitCode(), () -> String.valueOf(next.report().failure()));
        assertEquals(server.queryLong(PRODUCTION, "SELECT count(*) FROM orders"), server.queryLong(TWIN, "SELECT count(*) FROM orders"));
        assertEquals(1, server.queryLong(TWIN, "SELECT count(*) FROM pg_indexes WHERE indexname = 'orders_customer'"));
        assertFalse(TwinFixtures.databaseExists(server, TWIN + "__twin_staging"), "no staging database is left");
        assertFalse(TwinFixtures.databaseExists(server, TWIN + "__twin_previous"), "no previous twin is left");
    }

    @ParameterizedTest(name = "SIGKILL in {0}")
    @MethodSource("phases")
    void killingTheRealProcessInAnyPhaseKeepsThePreviousTwinWholeAndTheNextRunSucceeds(String phase) throws Exception {
        String markerBefore = marker();
        long ordersBefore = server.queryLong(TWIN, "SELECT count(*) FROM orders");
        server.execute(PRODUCTION, "INSERT INTO orders (customer, total) SELECT 1 + g % 200, g FROM generate_series(1, 10) g");

        Process refresh = startJarPausingAt(phase);
        try {
            assertTrue(waitForPause(refresh, phase), "the run reached " + phase);
        } finally {
            refresh.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        waitUntilTheKilledRunsSessionsAreGone();

        assertEquals(markerBefore, marker(), "the previous twin's marker is unchanged");
        assertEquals(ordersBefore, server.queryLong(TWIN, "SELECT count(*) FROM orders"), "the previous twin's rows are unchanged");
        TwinResult next = TwinFixtures.twin(server, PRODUCTION, server, TWIN);
        assertEquals(ExitCode.OK, next.exitCode(), () -> String.valueOf(next.report().failure()));
        assertEquals(server.queryLong(PRODUCTION, "SELECT count(*) FROM orders"), server.queryLong(TWIN, "SELECT count(*) FROM orders"));
        assertFalse(TwinFixtures.databaseExists(server, TWIN + "__twin_staging"), "the killed run's staging database is gone");
    }

    @org.junit.jupiter.api.Test
    void aSchemaSessionEndedWhileItCreatesTheSchemaIsALostConnection() throws Exception {
        server.createDatabase("fault_wide_prod");
        server.execute("fault_wide_prod", "DO $$ BEGIN FOR i IN 1..1500 LOOP "
                + "EXECUTE format('CREATE TABLE t%s (id int PRIMARY KEY, note text DEFAULT %L)', i, 'note ' || i); END LOOP; END $$");
        server.dropDatabase("fault_wide_twin");
        CompletableFuture<Boolean> ended = new CompletableFuture<>();
        ProgressListener endASchemaSession = new ProgressListener() {
            @Override
            public void phaseStarted(String phase) {
                if (phase.equals("schema")) {
                    CompletableFuture.runAsync(() -> ended.complete(terminateWhenSeen("neon-twin schema", "fault_wide_twin__twin_staging")));
                }
            }
        };

        TwinResult failed = new TwinEngine(TwinFixtures.options(server, "fault_wide_prod", server, "fault_wide_twin"), endASchemaSession).run();

        assertTrue(ended.get(60, TimeUnit.SECONDS), "a schema session was ended while it created the schema");
        assertEquals(ExitCode.COPY_FAILED, failed.exitCode(), () -> String.valueOf(failed.report().failure()));
        assertEquals("schema", failed.report().failure().phase());
        String message = failed.report().failure().message();
        assertTrue(message.contains("connection was lost") && message.contains("run again"), message);
        assertFalse(TwinFixtures.databaseExists(server, "fault_wide_twin"));
        server.dropDatabase("fault_wide_prod");
    }

    @org.junit.jupiter.api.Test
    void pgDumpsSessionEndedWhileItDumpsTheSchemaIsALostConnection() throws Exception {
        server.createDatabase("fault_dump_prod");
        server.execute("fault_dump_prod", "DO $$ BEGIN FOR i IN 1..1500 LOOP "
                + "EXECUTE format('CREATE TABLE t%s (id int PRIMARY KEY, note text DEFAULT %L)', i, 'note ' || i); END LOOP; END $$");
        server.dropDatabase("fault_dump_twin");
        CompletableFuture<Boolean> ended = new CompletableFuture<>();
        ProgressListener endPgDumpsSession = new ProgressListener() {
            @Override
            public void phaseStarted(String phase) {
                if (phase.equals("preflight")) {
                    CompletableFuture.runAsync(() -> ended.complete(terminateWhenSeen("neon-twin schema", "fault_dump_prod")));
                }
            }
        };

        TwinResult failed = new TwinEngine(TwinFixtures.options(server, "fault_dump_prod", server, "fault_dump_twin"), endPgDumpsSession).run();

        assertTrue(ended.get(60, TimeUnit.SECONDS), "pg_dump's session was ended while it dumped the schema");
        assertEquals(ExitCode.COPY_FAILED, failed.exitCode(), () -> String.valueOf(failed.report().failure()));
        assertEquals("preflight", failed.report().failure().phase());
        String message = failed.report().failure().message();
        assertTrue(message.contains("connection was lost") && message.contains("run again"), message);
        assertFalse(TwinFixtures.databaseExists(server, "fault_dump_twin"));
        server.dropDatabase("fault_dump_prod");
    }

    /** Ends the first session with this application_name on this database, polling until it appears (true) or 30 s pass. */
    private static boolean terminateWhenSeen(String applicationName, String database) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (server.queryLong("postgres", "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
                    + "WHERE application_name = '" + applicationName + "' AND datname = '" + database + "' AND state = 'active'") > 0) {
                return true;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    static Stream<String> phases() {
        return PHASES.stream();
    }

    private static Process startJarPausingAt(String phase) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("neontwin.jar", "target/neon-twin.jar"), "twin", "--jobs", "2"));
        for (Path dir : TestClients.extraBinDirs()) {
            command.add("--pg-bin=" + dir);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("NEON_TWIN_PRODUCTION_URL", server.url(PRODUCTION));
        builder.environment().put("NEON_TWIN_TWIN_URL", server.url(TWIN));
        builder.environment().put("NEON_TWIN_TEST_PAUSE_AT", phase);
        return builder.start();
    }

    /** Reads the run's output until the hook says it paused (true), or the run ends or two minutes pass (false). */
    private static boolean waitForPause(Process refresh, String phase) throws Exception {
        CompletableFuture<Boolean> paused = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader output = new BufferedReader(new InputStreamReader(refresh.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    if (line.contains("paused at " + phase)) {
                        return true;
                    }
                }
                return false;
            } catch (IOException closed) {
                return false;
            }
        });
        try {
            return paused.get(120, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException slow) {
            return false;
        }
    }

    /** The server notices a killed client's sockets at once, but the backends (and the run's lock) end a moment later. */
    private static void waitUntilTheKilledRunsSessionsAreGone() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (server.queryLong("postgres", "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'neon-twin%'") > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static String marker() {
        return server.queryString("postgres", "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '" + TWIN + "'");
    }

    /**
     * Injects the fault when the phase starts, while the engine waits: the sessions it holds from earlier phases (the
     * production snapshot, the twin's maintenance session with its lock) are the ones the phase finds dead. Preflight
     * is faulted when its plan is ready, with its snapshot and lock held and nothing yet written.
     */
    private record FaultAt(String phase, Fault fault) implements ProgressListener {
        @Override
        public void planReady(TwinPlan plan) {
            if (phase.equals("preflight")) {
                inject();
            }
        }

        @Override
        public void phaseStarted(String started) {
            if (started.equals(phase) && !phase.equals("preflight")) {
                inject();
            }
        }

        private void inject() {
            if (fault == Fault.CRASH_RESTART) {
                PostgresServers.crashRestart(server);
            } else {
                long ended = server.queryLong("postgres", "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) "
                        + "FROM pg_stat_activity WHERE application_name LIKE 'neon-twin%'");
                assertTrue(ended > 0, "the run had sessions to end in " + phase);
            }
        }
    }
}
