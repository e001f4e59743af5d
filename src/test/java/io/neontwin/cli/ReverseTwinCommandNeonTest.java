package io.neontwin.cli;

import io.neontwin.errors.ExitCode;
import io.neontwin.neon.FakeNeonApi;
import io.neontwin.secrets.Secrets;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code neon-twin reverse-twin --rehearse-on branch} on real PostgreSQL and the fake Neon API: the rehearsal runs on
 * a branch of the twin made for it (its compute is the twin's embedded server under another host name), then the
 * branch is deleted and production migrated.
 */
class ReverseTwinCommandNeonTest {
    @TempDir
    Path dir;
    FakeNeonApi neon;
    TestServer production;
    TestServer twin;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void projectAndDatabases() throws IOException {
        Secrets.clearForTests();
        production = PostgresServers.get(15);
        twin = PostgresServers.get(15, "twin");
        for (TestServer server : List.of(production, twin)) {
            server.dropDatabase("rt_neon_cli");
            server.createDatabase("rt_neon_cli");
            server.execute("rt_neon_cli", "CREATE TABLE notes (id int PRIMARY KEY, body text)");
        }
        neon = new FakeNeonApi();
        neon.branch("br-main-1", "main", null);
        neon.branch("br-twin-1", "twin", "br-main-1");
        neon.createdComputeHost = "localhost".equals(twin.host()) ? "127.0.0.1" : "localhost";
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("migrations/V1__notes_body.sql"), "CREATE INDEX CONCURRENTLY notes_body_idx ON notes (body);");
    }

    @AfterEach
    void stop() throws IOException {
        neon.close();
        Secrets.clearForTests();
    }

    private int run(String... extra) {
        CommandLine commandLine = NeonTwin.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        List<String> args = new ArrayList<>(List.of("reverse-twin", "--production-url", production.url("rt_neon_cli"),
                "--twin-url", twin.url("rt_neon_cli"), "--migrations", dir.resolve("migrations").toString(),
                "--neon-api-url", neon.baseUrl(), "--report", dir.resolve("report.json").toString()));
        args.addAll(List.of(extra));
        return commandLine.execute(args.toArray(String[]::new));
    }

    @Test
    void rehearsesOnABranchOfTheTwinTimesEachStatementAndDeletesTheBranch() throws IOException {
        int exit = run("--rehearse-on", "branch", "--neon-api-key", FakeNeonApi.KEY, "--neon-project-id", FakeNeonApi.PROJECT,
                "--twin-branch", "twin");

        assertEquals(0, exit, () -> out + "\n" + err);
        assertTrue(out.toString().matches("(?s).*V1 V1__notes_body.sql:1 CREATE INDEX CONCURRENTLY.*: \\d+\\.\\d{3} s.*"), out::toString);
        assertTrue(out.toString().contains("deleted the rehearsal branch neon-twin-rehearsal-"), out::toString);
        assertEquals(List.of("br-main-1", "br-twin-1"), neon.branchIds());
        assertEquals(1, production.queryLong("rt_neon_cli", "SELECT count(*) FROM pg_class WHERE relname = 'notes_body_idx'"));
        assertTrue(neon.violations.isEmpty(), neon.violations::toString);
        String everything = out + "\n" + err + "\n" + Files.readString(dir.resolve("report.json"));
        assertFalse(everything.contains(FakeNeonApi.KEY), "the API key never reaches output or report");
    }

    @Test
    void aBranchRehearsalWithoutTheNeonProjectIsAnInvalidInputThatNamesTheFix() {
        int exit = run("--rehearse-on", "branch");

        assertEquals(ExitCode.INVALID_INPUT.code(), exit);
        assertTrue(err.toString().contains("--rehearse-on is branch but --neon-api-key and --neon-project-id are empty"), err::toString);
        assertTrue(neon.requests.isEmpty(), "Neon was not called");
    }

    @Test
    void anUnknownPlaceToRehearseIsAnInvalidInput() {
        int exit = run("--rehearse-on", "staging");

        assertEquals(ExitCode.INVALID_INPUT.code(), exit);
        assertTrue(err.toString().contains("--rehearse-on is 'staging'; use twin"), err::toString);
    }
}
