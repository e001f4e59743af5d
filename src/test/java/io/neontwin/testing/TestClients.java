package io.neontwin.testing;

import io.neontwin.pgclient.PgClient;
import io.neontwin.pgclient.PgClientLocator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The PostgreSQL client programs tests may use: the system's (Debian's postgresql-client-15 here, any in PATH) plus
 * a PostgreSQL 17 client provisioned for tests (.ci/install-pg17-client.sh) at $NEON_TWIN_TEST_PG17_BIN or
 * /opt/neon-twin-test/pg17/bin.
 */
public final class TestClients {
    private TestClients() {
    }

    /** Extra bin folders to pass as --pg-bin. */
    public static List<Path> extraBinDirs() {
        List<Path> dirs = new ArrayList<>();
        String configured = System.getenv("NEON_TWIN_TEST_PG17_BIN");
        Path pg17 = configured != null ? Path.of(configured) : Path.of("/opt/neon-twin-test/pg17/bin");
        if (Files.isExecutable(pg17.resolve("pg_dump"))) {
            dirs.add(pg17);
        }
        return dirs;
    }

    /** The client for servers up to this major, if one is installed. */
    public static Optional<PgClient> forMajor(int major) {
        return new PgClientLocator(extraBinDirs()).findAll().stream().filter(c -> c.major() >= major)
                .min(java.util.Comparator.comparingInt(PgClient::major));
    }

    /** The newest client installed: used to dump schemas for comparison. */
    public static PgClient newest() {
        return new PgClientLocator(extraBinDirs()).findAll().stream().max(java.util.Comparator.comparingInt(PgClient::major))
                .orElseThrow(() -> new IllegalStateException("no PostgreSQL client (pg_dump, psql) is installed; see README set-up"));
    }
}
