package io.neontwin.cli;

import io.neontwin.errors.ExitCode;
import io.neontwin.neon.FakeNeonApi;
import io.neontwin.secrets.Secrets;
import io.neontwin.testing.InProcessCli;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
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

    private InProcessCli.Run run(String... extra) {
        List<String> args = new ArrayList<>(List.of("reverse-twin", "--production-url", production.url("rt_neon_cli"),
                "--twin-url", twin.url("rt_neon_cli"), "--migrations", dir.resolve("migrations").toString(),
                "--neon-api-url", neon.baseUrl(), "--report", dir.resolve("report.json").toString()));
        args.addAll(List.of(extra));
        return InProcessCli.neonTwin(args.toArray(String[]::new));
    }

    @Test
    void rehearsesOnABranchOfTheTwinTimesEachStatementAndDeletesTheBranch() throws IOException {
        InProcessCli.Run run = run("--rehearse-on", "branch", "--neon-api-key", FakeNeonApi.KEY, "--neon-project-id",
                FakeNeonApi.PROJECT, "--twin-branch", "twin");
        String out = run.out();

        assertEquals(0, run.exitCode(), () -> out + "\n" + run.err());
        assertTrue(out.matches("(?s).*V1 V1__notes_body.sql:1 CREATE INDEX CONCURRENTLY.*: \\d+\\.\\d{3} s.*"), () -> out);
        assertTrue(out.contains("deleted the rehearsal branch neon-twin-rehearsal-"), () -> out);
        assertEquals(List.of("br-main-1", "br-twin-1"), neon.branchIds());
        assertEquals(1, production.queryLong("rt_neon_cli", "SELECT count(*) FROM pg_class WHERE relname = 'notes_body_idx'"));
        assertTrue(neon.violations.isEmpty(), neon.violations::toString);
        String everything = out + "\n" + run.err() + "\n" + Files.readString(dir.resolve("report.json"));
        assertFalse(everything.contains(FakeNeonApi.KEY), "the API key never reaches output or report");
    }

    @Test
    void aBranchRehearsalWithoutTheNeonProjectIsAnInvalidInputThatNamesTheFix() {
        InProcessCli.Run run = run("--rehearse-on", "branch");

        assertEquals(ExitCode.INVALID_INPUT.code(), run.exitCode());
        assertTrue(run.err().contains("--rehearse-on is branch but --neon-api-key and --neon-project-id are empty"), run::err);
        assertTrue(neon.requests.isEmpty(), "Neon was not called");
    }

    @Test
    void anUnknownPlaceToRehearseIsAnInvalidInput() {
        InProcessCli.Run run = run("--rehearse-on", "staging");

        assertEquals(ExitCode.INVALID_INPUT.code(), run.exitCode());
        assertTrue(run.err().contains("--rehearse-on is 'staging'; use twin"), run::err);
    }
}
