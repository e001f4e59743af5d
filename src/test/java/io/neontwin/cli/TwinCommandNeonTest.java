package io.neontwin.cli;

import io.neontwin.errors.ExitCode;
import io.neontwin.neon.FakeNeonApi;
import io.neontwin.report.BranchResetResult;
import io.neontwin.report.ReportJson;
import io.neontwin.report.TwinReport;
import io.neontwin.secrets.Secrets;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code neon-twin twin} with the Neon flags, on real PostgreSQL and the fake Neon API: the refresh, then the resets. */
class TwinCommandNeonTest {
    static TestServer production;
    static TestServer twin;

    @TempDir
    Path dir;
    FakeNeonApi neon;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeAll
    static void servers() {
        production = PostgresServers.get(15);
        twin = PostgresServers.get(15, "twin");
        production.dropDatabase("neon_cli");
        production.createDatabase("neon_cli");
        production.execute("neon_cli", "CREATE TABLE notes (id int PRIMARY KEY, body text)", "INSERT INTO notes VALUES (1, 'a'), (2, 'b')");
    }

    @BeforeEach
    void project() throws IOException {
        Secrets.clearForTests();
        neon = new FakeNeonApi();
        neon.branch("br-main-1", "main", null);
        neon.branch("br-twin-1", "twin", "br-main-1");
        neon.branch("br-dev-1", "dev", "br-twin-1");
        neon.get("br-twin-1").data = "fresh";
        twin.dropDatabase("neon_cli_twin");
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
        List<String> args = new java.util.ArrayList<>(List.of("twin", "--production-url", production.url("neon_cli"),
                "--twin-url", twin.url("neon_cli_twin"), "--neon-api-url", neon.baseUrl(), "--report", dir.resolve("report.json").toString()));
        args.addAll(List.of(extra));
        return commandLine.execute(args.toArray(String[]::new));
    }

    @Test
    void aRefreshWithTheNeonFlagsResetsTheTwinsChildrenAndReportsThem() throws IOException {
        int exit = run("--neon-api-key", FakeNeonApi.KEY, "--neon-project-id", FakeNeonApi.PROJECT, "--twin-branch", "twin");

        assertEquals(0, exit, err::toString);
        assertEquals("fresh", neon.get("br-dev-1").data);
        TwinReport report = ReportJson.read(dir.resolve("report.json"), TwinReport.class);
        assertEquals(BranchResetResult.RESET, report.neonBranches().branches().get(0).result());
        assertTrue(out.toString().contains("Neon: 1 of 1 branches below twin reset"), out::toString);
        assertFalse((out.toString() + err).contains(FakeNeonApi.KEY));
    }

    @Test
    void anUnknownTwinBranchFailsTheRunOnlyWhenResetsAreRequired() {
        assertEquals(0, run("--neon-api-key", FakeNeonApi.KEY, "--neon-project-id", FakeNeonApi.PROJECT, "--twin-branch", "nope"));
        assertTrue((out.toString() + err).contains("warning") && (out.toString() + err).contains("twin-branch 'nope'"), out::toString);

        assertEquals(ExitCode.NEON_API.code(), run("--neon-api-key", FakeNeonApi.KEY, "--neon-project-id", FakeNeonApi.PROJECT,
                "--twin-branch", "nope", "--reset-branches-required"));
        assertTrue(err.toString().contains("error: Neon branches not reset: twin-branch 'nope'"), err::toString);
        assertEquals("root", neon.get("br-dev-1").data);
    }

    @Test
    void aKeyWithoutAProjectIsRefusedBeforeAnythingIsWritten() {
        assertEquals(ExitCode.INVALID_INPUT.code(), run("--neon-api-key", FakeNeonApi.KEY));
        assertTrue(err.toString().contains("--neon-api-key is set but --neon-project-id is empty"), err::toString);
        assertFalse(err.toString().contains(FakeNeonApi.KEY));
        assertEquals(0, twin.queryLong("postgres", "SELECT count(*) FROM pg_database WHERE datname = 'neon_cli_twin'"));
    }
}
