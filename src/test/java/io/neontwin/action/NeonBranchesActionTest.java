package io.neontwin.action;

import io.neontwin.errors.ExitCode;
import io.neontwin.neon.FakeNeonApi;
import io.neontwin.notify.RunContext;
import io.neontwin.notify.TwinSlackMessage;
import io.neontwin.report.ReportJson;
import io.neontwin.report.TwinReport;
import io.neontwin.secrets.Secrets;
import io.neontwin.twin.TwinResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The action with neon-api-key and neon-project-id: after a successful refresh the twin's child branches are reset,
 * and the outputs, the job summary, the report and Slack say so; the key shows nowhere.
 */
class NeonBranchesActionTest {
    static final String TWIN_URL = "postgresql://app:pw0secret@" + FakeNeonApi.hostOf("ep-twin-1") + "/app_twin";

    @TempDir
    Path dir;
    final Map<String, String> env = new HashMap<>();
    final StringWriter log = new StringWriter();
    FakeNeonApi neon;

    @BeforeEach
    void runnerAndProject() throws IOException {
        Secrets.clearForTests();
        env.putAll(GitHubFiles.runnerEnvironment(dir, Files.createDirectories(dir.resolve("workspace"))));
        env.put("INPUT_PRODUCTION-URL", "postgresql://app:pw0secret@prod.example.com/app");
        env.put("INPUT_TWIN-URL", TWIN_URL);
        env.put("INPUT_NOTIFY", "never");
        env.put("INPUT_NEON-API-KEY", FakeNeonApi.KEY);
        env.put("INPUT_NEON-PROJECT-ID", FakeNeonApi.PROJECT);
        neon = new FakeNeonApi();
        env.put("NEON_API_BASE_URL", neon.baseUrl());
        neon.branch("br-main-1", "main", null);
        neon.branch("br-twin-1", "twin", "br-main-1");
        neon.branch("br-alice-1", "alice", "br-twin-1");
        neon.branch("br-bob-1", "bob", "br-twin-1").isProtected = true;
        neon.endpoint("ep-twin-1", "br-twin-1");
    }

    @AfterEach
    void stop() throws IOException {
        neon.close();
        Secrets.clearForTests();
    }

    private int run(TwinReport engineReport) {
        return new ActionRunner(new ActionEnvironment(env), new PrintWriter(log, true), (options, listener) -> {
            neon.get("br-twin-1").data = "fresh";
            return new TwinResult(engineReport, engineReport.failure() == null ? ExitCode.OK : ExitCode.COPY_FAILED, Optional.empty());
        }).run();
    }

    private String read(String file) throws IOException {
        return Files.readString(dir.resolve(file));
    }

    @Test
    void afterARefreshChildBranchesAreResetAndEveryOutputSaysSo() throws IOException {
        int exit = run(SampleReports.succeeded(2));

        assertEquals(0, exit);
        assertEquals("fresh", neon.get("br-alice-1").data);
        String outputs = read("output");
        Map<String, String> values = GitHubFiles.readOutputs(dir.resolve("output"));
        assertEquals("1", values.get("branches-reset"));
        assertEquals("alice: reset\nbob: skipped: protected", values.get("branch-results"));
        String summary = read("summary");
        assertTrue(summary.contains("### Neon branches"), summary);
        assertTrue(summary.contains("| `bob` | twin | skipped: protected |"), summary);
        TwinReport report = ReportJson.read(dir.resolve("workspace/neon-twin-report.json"), TwinReport.class);
        assertEquals(1, report.neonBranches().resetCount());
        assertEquals("twin", report.neonBranches().twinBranch());
        String slack = TwinSlackMessage.render(report, RunContext.NONE).toString();
        assertTrue(slack.contains("1 Neon branches reset"), slack);
        assertTrue(log.toString().contains("::add-mask::" + FakeNeonApi.KEY), "the key is masked before anything prints");
        for (String text : List.of(log.toString().replace("::add-mask::" + FakeNeonApi.KEY, ""), outputs, summary,
                read("workspace/neon-twin-report.json"), slack)) {
            assertFalse(text.contains(FakeNeonApi.KEY), text);
        }
    }

    @Test
    void aFailedRefreshLeavesTheBranchesAlone() throws IOException {
        int exit = run(SampleReports.failedInData("connection lost"));

        assertEquals(ExitCode.COPY_FAILED.code(), exit);
        assertEquals(List.of(), neon.requests);
        assertEquals("", GitHubFiles.readOutputs(dir.resolve("output")).get("branches-reset"));
    }

    @Test
    void aRefusedKeyIsAWarningUnlessResetsAreRequired() throws IOException {
        env.put("INPUT_NEON-API-KEY", "napi_revoked0key0xyz");
        assertEquals(0, run(SampleReports.succeeded(1)));
        assertTrue(log.toString().contains("::warning") && log.toString().contains("neon-api-key"), log.toString());
        assertFalse(log.toString().replace("::add-mask::napi_revoked0key0xyz", "").contains("napi_revoked0key0xyz"));

        env.put("INPUT_RESET-BRANCHES-REQUIRED", "true");
        assertEquals(ExitCode.NEON_API.code(), run(SampleReports.succeeded(1)));
        assertTrue(log.toString().contains("::error title=Neon branches not reset"), log.toString());
    }

    @Test
    void aKeyWithoutAProjectIsAnInvalidInputNamingTheMissingOne() {
        env.put("INPUT_NEON-PROJECT-ID", "");
        AtomicReference<Boolean> engineRan = new AtomicReference<>(false);
        int exit = new ActionRunner(new ActionEnvironment(env), new PrintWriter(log, true), (options, listener) -> {
            engineRan.set(true);
            return null;
        }).run();
        assertEquals(ExitCode.INVALID_INPUT.code(), exit);
        assertFalse(engineRan.get());
        assertTrue(log.toString().contains("Input 'neon-project-id'"), log.toString());
        assertFalse(log.toString().replace("::add-mask::" + FakeNeonApi.KEY, "").contains(FakeNeonApi.KEY));
    }

    @Test
    void withoutKeyAndProjectNeonIsNeverCalled() throws IOException {
        env.put("INPUT_NEON-API-KEY", "");
        env.put("INPUT_NEON-PROJECT-ID", "");
        assertEquals(0, run(SampleReports.succeeded(1)));
        assertEquals(List.of(), neon.requests);
        assertNull((ReportJson.read(dir.resolve("workspace/neon-twin-report.json"), TwinReport.class)).neonBranches());
        assertFalse(read("summary").contains("Neon branches"));
    }
}
