package io.neontwin.pgclient;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PgProcessTest {
    @TempDir
    Path folder;

    /** pg_dump ended mid-query prints the error, then the whole query it ran, which can be far longer than the tail. */
    @Test
    void theErrorLineIsFoundEvenWhenALongQueryAfterItFillsTheTail() throws Exception {
        Path program = folder.resolve("pg_dump");
        Files.writeString(program, """
                #!/bin/sh
                echo 'pg_dump: error: query failed: FATAL:  terminating connection due to administrator command' >&2
                printf 'pg_dump: detail: Query was: SELECT tbloid FROM unnest(%s) AS src(tbloid)\\n' "$(seq -s, 1 5000)" >&2
                exit 1
                """);
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));

        PgProcess.Failed failed = assertThrows(PgProcess.Failed.class, () -> PgProcess.run(program, List.of(), Map.of(), null));

        assertEquals("pg_dump: error: query failed: FATAL:  terminating connection due to administrator command", failed.firstErrorLine());
    }
}
