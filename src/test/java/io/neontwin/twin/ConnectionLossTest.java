package io.neontwin.twin;

import io.neontwin.errors.ExitCode;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Production's connection dropping in the middle of a COPY ends the run with one sentence; the previous twin stays. */
class ConnectionLossTest {
    @Test
    void losingProductionMidCopyFailsWithExitCode11AndKeepsThePreviousTwin() throws Exception {
        TestServer production = PostgresServers.get(15);
        TestServer twin = PostgresServers.get(15, "twin");
        production.createDatabase("loss_prod");
        production.execute("loss_prod", "CREATE TABLE readings (id bigint PRIMARY KEY, payload text)",
                "INSERT INTO readings SELECT g, repeat('x', 20) FROM generate_series(1, 1000) g");
        twin.dropDatabase("loss_twin");
        assertEquals(ExitCode.OK, TwinFixtures.twin(production, "loss_prod", twin, "loss_twin").exitCode());
        production.execute("loss_prod", "INSERT INTO readings SELECT g, repeat(md5(g::text), 4) FROM generate_series(1001, 1500000) g");

        CompletableFuture<TwinResult> refresh = CompletableFuture.supplyAsync(
                () -> TwinFixtures.twin(TwinFixtures.options(production, "loss_prod", twin, "loss_twin").withJobs(2)));
        boolean terminated = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!terminated && !refresh.isDone() && System.nanoTime() < deadline) {
            terminated = production.queryLong("postgres", "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
                    + "WHERE application_name = 'neon-twin copy' AND query LIKE 'COPY%' AND state = 'active'") > 0;
            Thread.sleep(10);
        }
        TwinResult result = refresh.get(120, TimeUnit.SECONDS);

        assertTrue(terminated, "a COPY stream on production was terminated mid-copy");
        assertEquals(ExitCode.COPY_FAILED, result.exitCode(), () -> String.valueOf(result.report().failure()));
        String message = result.report().failure().message();
        assertTrue(message.contains("production") && message.contains("readings"), message);
        assertEquals("data", result.report().failure().phase());
        assertEquals(1000, twin.queryLong("loss_twin", "SELECT count(*) FROM readings"), "the previous twin is kept");
        assertFalse(TwinFixtures.databaseExists(twin, "loss_twin__twin_staging"));
        production.dropDatabase("loss_prod");
    }
}
