package io.neontwin.twin;

import io.neontwin.errors.ExitCode;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The twin's disk filling up after the copy (an index build, a materialized view's refresh) ends the run as exit 11
 * naming the disk and the fix, not as an unexpected error, and leaves no twin half-built. The full disk is real: the
 * twin server's temporary files go to a tablespace on a 128 kB tmpfs, and sorts spill there (which needs root, as CI
 * containers are, to mount it; elsewhere the test is skipped).
 */
class DiskFullTest {
    private static TestServer production;
    private static TestServer twin;
    private static Path mount;

    @BeforeAll
    static void fillableTwinServer() throws Exception {
        assumeFalse(PostgresServers.usingDocker(), "skipped: the tablespace must be on this machine");
        mount = Files.createTempDirectory("neon-twin-tiny-disk");
        Process mounting = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=128k", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        boolean mounted = mounting.waitFor() == 0;
        assumeTrue(mounted, "skipped: cannot mount a small tmpfs here (needs root)");
        production = PostgresServers.get(15);
        twin = PostgresServers.get(15, "disk-full");
        twin.execute("postgres", "CREATE TABLESPACE tiny LOCATION '" + mount + "'",
                "ALTER ROLE " + twin.user() + " SET temp_tablespaces = 'tiny'",
                "ALTER ROLE " + twin.user() + " SET maintenance_work_mem = '1MB'",
                "ALTER ROLE " + twin.user() + " SET work_mem = '64kB'",
                "ALTER ROLE " + twin.user() + " SET max_parallel_maintenance_workers = 0");
        production.createDatabase("full_index");
        production.execute("full_index", "CREATE TABLE events (id int, tag text)",
                "INSERT INTO events SELECT g, md5(g::text) FROM generate_series(1, 100000) g",
                "CREATE INDEX events_tag ON events (tag)");
        production.createDatabase("full_view");
        production.execute("full_view", "CREATE TABLE events (id int, tag text)",
                "INSERT INTO events SELECT g, md5(g::text) FROM generate_series(1, 100000) g",
                "CREATE MATERIALIZED VIEW sorted_tags AS SELECT tag FROM events ORDER BY tag");
    }

    @AfterAll
    static void unmount() throws Exception {
        if (twin != null) {
            twin.execute("postgres", "ALTER ROLE " + twin.user() + " RESET ALL");
            twin.execute("postgres", "DROP TABLESPACE IF EXISTS tiny");
        }
        if (mount != null) {
            new ProcessBuilder("umount", mount.toString()).start().waitFor();
            Files.deleteIfExists(mount);
        }
    }

    @Test
    void aDiskFullDuringAnIndexBuildIsExit11NamingTheDiskAndNoTwinIsLeft() {
        twin.dropDatabase("full_index_twin");

        TwinResult result = TwinFixtures.twin(production, "full_index", twin, "full_index_twin");

        assertEquals(ExitCode.COPY_FAILED, result.exitCode(), () -> String.valueOf(result.report().failure()));
        assertEquals("post-data", result.report().failure().phase());
        String message = result.report().failure().message();
        assertTrue(message.contains("ran out of disk space") && message.contains("events_tag"), message);
        assertFalse(TwinFixtures.databaseExists(twin, "full_index_twin"));
        assertFalse(TwinFixtures.databaseExists(twin, "full_index_twin__twin_staging"));
    }

    @Test
    void aDiskFullDuringAMaterializedViewRefreshIsExit11NotAnUnexpectedError() {
        twin.dropDatabase("full_view_twin");

        TwinResult result = TwinFixtures.twin(production, "full_view", twin, "full_view_twin");

        assertEquals(ExitCode.COPY_FAILED, result.exitCode(), () -> String.valueOf(result.report().failure()));
        String message = result.report().failure().message();
        assertTrue(message.contains("ran out of disk space"), message);
        assertFalse(TwinFixtures.databaseExists(twin, "full_view_twin"));
        assertFalse(TwinFixtures.databaseExists(twin, "full_view_twin__twin_staging"));
    }

}
