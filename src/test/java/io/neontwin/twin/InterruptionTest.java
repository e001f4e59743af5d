package io.neontwin.twin;

import io.neontwin.errors.ExitCode;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestClients;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A refresh killed with SIGKILL in the middle of its data phase leaves the previous twin exactly as it was. */
class InterruptionTest {
    @Test
    void killingTheProcessMidCopyKeepsThePreviousTwinAndTheNextRunSucceeds() throws Exception {
        TestServer production = PostgresServers.get(15);
        TestServer twin = PostgresServers.get(15, "twin");
        production.createDatabase("kill_prod");
        production.execute("kill_prod", "CREATE TABLE readings (id bigint PRIMARY KEY, sensor text, payload text)",
                "INSERT INTO readings SELECT g, 'sensor-' || (g % 100), repeat(md5(g::text), 4) FROM generate_series(1, 20000) g");
        twin.dropDatabase("kill_twin");
        assertEquals(ExitCode.OK, TwinFixtures.twin(production, "kill_prod", twin, "kill_twin").exitCode());
        String markerBefore = marker(twin);

        // Production grows large enough that the copy takes a while, then a refresh is killed while it streams.
        production.execute("kill_prod", "INSERT INTO readings SELECT g, 'sensor-' || (g % 100), repeat(md5(g::text), 4) "
                + "FROM generate_series(20001, 1500000) g");
        Process refresh = startJar(production.url("kill_prod"), twin.url("kill_twin"));
        boolean sawCopy = waitForCopyInProgress(twin, refresh);
        refresh.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        assertTrue(sawCopy, "the refresh was killed while its COPY streams were running");
        assertEquals(20000, twin.queryLong("kill_twin", "SELECT count(*) FROM readings"), "developers still have the previous twin");
        assertEquals(markerBefore, marker(twin), "the previous twin is exactly as it was");

        assertEquals(ExitCode.OK, TwinFixtures.twin(production, "kill_prod", twin, "kill_twin").exitCode(), "the next run succeeds");
        assertEquals(1500000, twin.queryLong("kill_twin", "SELECT count(*) FROM readings"));
        assertFalse(TwinFixtures.databaseExists(twin, "kill_twin__twin_staging"), "the interrupted run's staging database is gone");
        production.dropDatabase("kill_prod");
    }

    private static String marker(TestServer twin) {
        return twin.queryString("postgres", "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = 'kill_twin'");
    }

    private static Process startJar(String productionUrl, String twinUrl) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("neontwin.jar", "target/neon-twin.jar"), "twin", "--jobs", "2"));
        for (Path dir : TestClients.extraBinDirs()) {
            command.add("--pg-bin=" + dir);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(new File("target/interrupted-run.log"));
        builder.environment().put("NEON_TWIN_PRODUCTION_URL", productionUrl);
        builder.environment().put("NEON_TWIN_TWIN_URL", twinUrl);
        return builder.start();
    }

    private static boolean waitForCopyInProgress(TestServer twin, Process refresh) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && refresh.isAlive()) {
            long streams = twin.queryLong("postgres", "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'neon-twin copy' "
                    + "AND datname = 'kill_twin__twin_staging' AND query LIKE 'COPY%' AND state = 'active'");
            if (streams > 0) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
