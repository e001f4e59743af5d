package io.neontwin.diff.cli;

import io.neontwin.errors.ExitCode;
import io.neontwin.reversetwin.Migration;
import io.neontwin.reversetwin.MigrationFolder;
import io.neontwin.testing.InProcessCli.Run;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.neontwin.testing.InProcessCli.neonTwin;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code neon-twin diff} as a user runs it: printed, written into a migrations folder, and its mistakes. */
class DiffCommandTest {
    static TestServer server;

    @TempDir
    Path dir;


    @BeforeAll
    static void twoDatabases() {
        server = PostgresServers.get(15);
        server.createDatabase("diff_cli_from");
        server.execute("diff_cli_from", "CREATE TABLE public.member (id integer PRIMARY KEY)",
                "CREATE ROLE diff_cli_reader", "GRANT SELECT ON public.member TO diff_cli_reader");
        server.createDatabase("diff_cli_to");
        server.execute("diff_cli_to", "CREATE TABLE public.member (id integer PRIMARY KEY, name text)",
                "CREATE INDEX member_name ON public.member (name)");
    }

    @AfterAll
    static void dropThem() {
        server.dropDatabase("diff_cli_from");
        server.dropDatabase("diff_cli_to");
        server.execute("postgres", "DROP ROLE IF EXISTS diff_cli_reader");
    }


    @Test
    void printsTheMigrationOnStandardOutputAndASummaryOnStandardError() {
        Run run = neonTwin("diff", "--from", server.url("diff_cli_from"), "--to", server.url("diff_cli_to"));

        assertEquals(ExitCode.OK.code(), run.exitCode(), run::err);
        assertTrue(run.out().contains("\nALTER TABLE public.member ADD COLUMN name text;\n"), run::out);
        assertTrue(run.out().contains("-- outside a transaction\nCREATE INDEX CONCURRENTLY member_name ON public.member USING btree (name);\n"), run::out);
        assertTrue(run.out().startsWith("-- neon-twin diff: makes " + server.host() + ":" + server.port() + "/diff_cli_from match "), run::out);
        assertEquals("2 statements (1 outside a transaction), no hazards.", run.err().strip());
    }

    @Test
    void grantsAreComparedOnlyOnRequest() {
        Run without = neonTwin("diff", "--from", server.url("diff_cli_from"), "--to", server.url("diff_cli_to"));
        Run with = neonTwin("diff", "--from", server.url("diff_cli_from"), "--to", server.url("diff_cli_to"), "--privileges");

        assertFalse(without.out().contains("diff_cli_reader"), without::out);
        assertTrue(with.out().contains("\nREVOKE ALL ON TABLE public.member FROM diff_cli_reader;\n"), with::out);
    }

    @Test
    void writesTheNextMigrationOfTheFolderAsTheReverseTwinReadsIt() throws IOException {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("V1__create_member.sql"), "CREATE TABLE member (id integer PRIMARY KEY);\n");
        Files.writeString(migrations.resolve("V2__seed.sql"), "INSERT INTO member VALUES (1);\n");
        String printed = neonTwin("diff", "--from", server.url("diff_cli_from"), "--to", server.url("diff_cli_to")).out();

        Run run = neonTwin("diff", "--from", server.url("diff_cli_from"), "--to", server.url("diff_cli_to"),
                "--write", migrations.toString(), "--name", "Add member names!");

        assertEquals(ExitCode.OK.code(), run.exitCode(), run::err);
        Path written = migrations.resolve("V3__add_member_names.sql");
        assertEquals("wrote " + written + ": 2 statements (1 outside a transaction), no hazards.", run.out().strip());
        assertEquals(printed, Files.readString(written), "the file holds what the command prints");
        List<Migration> read = MigrationFolder.load(migrations, "--migrations");
        assertEquals("3", read.getLast().version().toString());
        assertEquals("add member names", read.getLast().description());
        assertFalse(read.getLast().transactional(), "CREATE INDEX CONCURRENTLY makes the reverse twin run it statement by statement");
    }

    @Test
    void aNewFolderStartsAtVersionOneAndNoDifferenceWritesNothing() {
        Path migrations = dir.resolve("new-folder");
        Run first = neonTwin("diff", "--from", server.url("diff_cli_from"), "--to", server.url("diff_cli_to"), "--write", migrations.toString());
        Run same = neonTwin("diff", "--from", server.url("diff_cli_to"), "--to", server.url("diff_cli_to"), "--write", migrations.toString());

        assertTrue(Files.exists(migrations.resolve("V1__schema_diff.sql")), first::toString);
        assertEquals(ExitCode.OK.code(), same.exitCode());
        assertTrue(same.out().startsWith("No differences: "), same::out);
        assertFalse(Files.exists(migrations.resolve("V2__schema_diff.sql")));
    }

    @Test
    void helpListsTheOptions() {
        Run run = neonTwin("diff", "--help");

        assertEquals(ExitCode.OK.code(), run.exitCode());
        for (String option : List.of("--from", "--to", "--write", "--name", "--privileges")) {
            assertTrue(run.out().contains(option), option + " in " + run.out());
        }
    }

    @Test
    void aMissingUrlIsOneSentenceWithItsExitCode() {
        Run run = neonTwin("diff", "--to", server.url("diff_cli_to"));

        assertEquals(ExitCode.INVALID_INPUT.code(), run.exitCode());
        assertEquals("error: --from is missing; pass the connection string of the database to change.", run.err().strip());
    }

    @Test
    void anUnreachableDatabaseIsNamedWithoutItsPassword() {
        Run run = neonTwin("diff", "--from", "postgresql://app:S3cr3t-P%40ss@db.invalid:5432/shop", "--to", server.url("diff_cli_to"));

        String everything = run.out() + run.err();
        assertAll(run.toString(),
                () -> assertEquals(ExitCode.CONNECTION.code(), run.exitCode()),
                () -> assertTrue(run.err().startsWith("error: --from"), run.err()),
                () -> assertEquals(1, run.err().strip().lines().count(), "one line"),
                () -> assertFalse(everything.contains("S3cr3t"), "no piece of the password"),
                () -> assertFalse(everything.contains("\tat "), "no stack trace"));
    }
}
