package io.neontwin.twin;

import io.neontwin.cli.CliProcess;
import io.neontwin.errors.ExitCode;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A copy worker that dies of anything, OutOfMemoryError included, fails the run naming its table and keeps the
 * previous twin. The real jar runs in a JVM whose heap is smaller than one of production's values.
 */
class WorkerFailureTest {
    private static final int SMALL_HEAP_MB = 32;

    @Test
    void aValueLargerThanTheHeapThatPreflightCannotSizeFailsTheRunNamingTheTableAndHowToGiveMoreHeap() {
        TestServer production = PostgresServers.get(15);
        TestServer twin = PostgresServers.get(15, "twin");
        production.createDatabase("huge_value");
        production.execute("huge_value", "CREATE TABLE blobs (id int, data jsonb)", "INSERT INTO blobs VALUES (1, '1')");
        twin.dropDatabase("huge_value_twin");
        assertEquals(ExitCode.OK, TwinFixtures.twin(production, "huge_value", twin, "huge_value_twin").exitCode());
        // One value half again as large as the whole heap: its row cannot be held. A compressed jsonb value's size is
        // known only by decompressing it, which preflight does not do (it reads only its stored size), so the copy runs.
        int valueBytes = SMALL_HEAP_MB * 3 / 2 << 20;
        production.execute("huge_value", "INSERT INTO blobs VALUES (2, to_jsonb(repeat('a', " + valueBytes + ")))");

        CliProcess.Result run = TwinFixtures.twinWithHeap(SMALL_HEAP_MB, production.url("huge_value"), twin.url("huge_value_twin"));

        assertEquals(ExitCode.COPY_FAILED.code(), run.exitCode(), run::toString);
        assertTrue(run.stderr().contains("public.blobs") && run.stderr().contains("NEON_TWIN_JAVA_OPTS=-Xmx"), run::toString);
        assertTrue(run.stderr().contains("in column data, is " + (valueBytes >> 20) + " MB"), run::toString);
        assertFalse(run.stderr().contains("at io.neontwin"), "no stack trace without --debug");
        assertEquals(1, twin.queryLong("huge_value_twin", "SELECT count(*) FROM blobs"), "the previous twin is kept");
        assertFalse(TwinFixtures.databaseExists(twin, "huge_value_twin__twin_staging"));
        production.dropDatabase("huge_value");
    }
}
