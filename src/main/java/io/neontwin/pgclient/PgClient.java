package io.neontwin.pgclient;

import java.nio.file.Path;

/** One installation of PostgreSQL's client programs, all of the same major. */
public record PgClient(Path binDir, int major, String version) {
    public Path pgDump() {
        return binDir.resolve("pg_dump");
    }

    public Path pgRestore() {
        return binDir.resolve("pg_restore");
    }

    public Path psql() {
        return binDir.resolve("psql");
    }
}
