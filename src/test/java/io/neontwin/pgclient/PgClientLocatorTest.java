package io.neontwin.pgclient;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which pg_dump/pg_restore/psql a run uses, and the sentence when none fits. Clients here are small scripts. */
class PgClientLocatorTest {
    @TempDir
    Path root;

    private Path client(String folder, String versionLine, String... programs) throws IOException {
        Path bin = Files.createDirectories(root.resolve(folder));
        for (String program : programs.length == 0 ? new String[]{"pg_dump", "pg_restore", "psql"} : programs) {
            Path script = bin.resolve(program);
            Files.writeString(script, "#!/bin/sh\necho '" + program + " " + versionLine + "'\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return bin;
    }

    private PgClientLocator locator(List<Path> pgBin, String path) {
        return new PgClientLocator(pgBin, root.resolve("no-debian-root"), path);
    }

    @Test
    void theExactMajorIsPreferredOverANewerOne() throws IOException {
        Path v17 = client("17", "(PostgreSQL) 17.2 (Debian 17.2-1.pgdg120+1)");
        Path v16 = client("16", "(PostgreSQL) 16.6");

        PgClient chosen = locator(List.of(v17, v16), "").locate(16);

        assertEquals(new PgClient(v16, 16, "16.6"), chosen);
    }

    @Test
    void theNearestNewerMajorIsChosenWhenTheExactOneIsMissing() throws IOException {
        Path v18 = client("18", "(PostgreSQL) 18.0");
        Path v16 = client("16", "(PostgreSQL) 16.6");

        assertEquals(16, locator(List.of(v18), v16.toString()).locate(15).major());
    }

    @Test
    void pgBinFoldersAreSearchedBeforePath() throws IOException {
        Path first = client("a", "(PostgreSQL) 16.1");
        Path second = client("b", "(PostgreSQL) 16.6");

        assertEquals(first, locator(List.of(first), second.toString()).locate(16).binDir());
    }

    @Test
    void aFolderLackingOneOfTheThreeProgramsIsNotAClient() throws IOException {
        Path incomplete = client("17", "(PostgreSQL) 17.2", "pg_dump", "pg_restore");

        assertEquals(List.of(), locator(List.of(incomplete), "").findAll());
    }

    @Test
    void onlyOlderClientsEndInOneSentenceWithExitCode8NamingFoundAndNeeded() throws IOException {
        Path v15 = client("15", "(PostgreSQL) 15.8");

        UserError error = assertThrows(UserError.class, () -> locator(List.of(v15), "").locate(17));

        assertEquals(ExitCode.CLIENT_VERSION, error.exitCode());
        assertEquals("No pg_dump/pg_restore/psql of PostgreSQL 17 or newer was found (found: 15.8 in " + v15
                + "); install postgresql-client-17 or pass its bin folder with --pg-bin (input pg-bin).", error.getMessage());
    }

    @Test
    void noClientAtAllSaysFoundNone() {
        UserError error = assertThrows(UserError.class, () -> locator(List.of(root.resolve("missing")), "").locate(16));

        assertTrue(error.getMessage().contains("(found: none)"), error.getMessage());
    }

    @Test
    void debianFoldersAreSearchedNewestFirst() throws IOException {
        Path debian = root.resolve("usr-lib-postgresql");
        client("usr-lib-postgresql/9/bin", "(PostgreSQL) 9.6");
        client("usr-lib-postgresql/16/bin", "(PostgreSQL) 16.6");
        client("usr-lib-postgresql/17/bin", "(PostgreSQL) 17.2");

        List<PgClient> found = new PgClientLocator(List.of(), debian, "").findAll();

        assertEquals(List.of(17, 16, 9), found.stream().map(PgClient::major).toList());
    }

    @Test
    void versionsAreReadFromWhatPgDumpPrints() {
        assertEquals(Optional.of("17.2"), PgClientLocator.parseVersion("pg_dump (PostgreSQL) 17.2 (Debian 17.2-1.pgdg120+1)"));
        assertEquals(Optional.of("16.6"), PgClientLocator.parseVersion("pg_dump (PostgreSQL) 16.6"));
        assertEquals(Optional.of("18"), PgClientLocator.parseVersion("pg_dump (PostgreSQL) 18beta1"));
        assertEquals(Optional.empty(), PgClientLocator.parseVersion("bash: pg_dump: command not found"));
    }
}
