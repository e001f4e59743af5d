package io.neontwin.action;

import io.neontwin.errors.ExitCode;
import io.neontwin.report.ReportJson;
import io.neontwin.secrets.Secrets;
import io.neontwin.twin.TwinOptions;
import io.neontwin.twin.TwinResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

/** The action's step, run in-process with a scripted engine: what the runner sees, for each kind of run. */
class ActionRunnerTest {
    static final String PASSWORD = "S3cr3t!pw@x";
    static final String ENCODED_PASSWORD = "S3cr3t%21pw%40x";
    static final String PRODUCTION_URL = "postgresql://app:" + ENCODED_PASSWORD + "@prod.example.com:5432/app";
    static final String TWIN_URL = "postgresql://app:" + ENCODED_PASSWORD + "@twin.example.com:5432/app_twin";
    static final String SLACK = "https://hooks.slack.com/services/T000/B000/abcdefSECRET";

    @TempDir
    Path dir;
    final Map<String, String> env = new HashMap<>();
    final StringWriter log = new StringWriter();
    final AtomicReference<TwinOptions> engineSaw = new AtomicReference<>();

    @BeforeEach
    void runnerEnvironment() throws IOException {
        Secrets.clearForTests();
        env.putAll(GitHubFiles.runnerEnvironment(dir, Files.createDirectories(dir.resolve("workspace"))));
        env.put("INPUT_PRODUCTION-URL", PRODUCTION_URL);
        env.put("INPUT_TWIN-URL", TWIN_URL);
        env.put("INPUT_SLACK-WEBHOOK-URL", SLACK); // to be masked; never contacted:
        env.put("INPUT_NOTIFY", "never");
    }

    @AfterEach
    void forgetSecrets() {
        Secrets.clearForTests();
    }

    private int run(ActionRunner.Engine engine) {
        return new ActionRunner(new ActionEnvironment(env), new PrintWriter(log, true), engine).run();
    }

    private ActionRunner.Engine succeeding() {
        return (options, listener) -> {
            engineSaw.set(options);
            listener.phaseStarted("data");
            listener.info("copying public.orders with password " + PASSWORD); // an engine bug must still not leak it
            listener.warning("extension pg_cron is not available on the twin");
            listener.phaseFinished("data", 9.1);
            return new TwinResult(SampleReports.succeeded(3), ExitCode.OK, Optional.empty());
        };
    }

    /** What the runner makes of a command's data (actions/runner's ActionCommand unescaping). */
    static String unescapeData(String data) {
        return data.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%");
    }

    private List<String> logLines() {
        return log.toString().lines().toList();
    }

    private Path reportFile() {
        return dir.resolve("workspace/neon-twin-report.json");
    }

    @Test
    void aSuccessfulRunWritesEveryOutputTheSummaryAndTheReport() throws IOException {
        assertEquals(0, run(succeeding()));

        Map<String, String> outputs = GitHubFiles.readOutputs(dir.resolve("output"));
        assertEquals(Map.ofEntries(Map.entry("status", "succeeded"), Map.entry("duration-seconds", "12.3"),
                Map.entry("tables", "3"), Map.entry("rows", "6000"), Map.entry("bytes", "384000"),
                Map.entry("production-version", "15.8"), Map.entry("twin-version", "17.2"), Map.entry("client-version", "17.2"),
                Map.entry("migrations-pending", ""), Map.entry("migrations-applied", ""),
                Map.entry("branches-reset", ""), Map.entry("branch-results", ""),
                Map.entry("report-path", "neon-twin-report.json")), outputs);
        assertTrue(Files.readString(dir.resolve("summary")).startsWith("## ✅ Neon twin refreshed"));
        assertEquals("succeeded", ReportJson.mapper().readTree(reportFile().toFile()).get("outcome").asText());
    }

    @Test
    void inputsReachTheEngineAsTwinOptions() {
        env.put("INPUT_JOBS", "8");
        env.put("INPUT_EXCLUDE-TABLE-DATA", "public.audit_log\npublic.events_*");
        env.put("INPUT_SCHEMAS", "public, sales");
        env.put("INPUT_VERIFY", "checksums");
        env.put("INPUT_DRY-RUN", "true");
        env.put("INPUT_PG-BIN", "/opt/pg17/bin");
        run(succeeding());

        TwinOptions options = engineSaw.get();
        assertEquals("prod.example.com:5432/app", options.production().describe());
        assertEquals("twin.example.com:5432/app_twin", options.twin().describe());
        assertEquals(PASSWORD, options.production().password());
        assertEquals(8, options.jobs());
        assertEquals(List.of("public.audit_log", "public.events_*"), options.excludeTableData());
        assertEquals(List.of("public", "sales"), options.schemas());
        assertEquals("checksums", options.verify().label());
        assertTrue(options.dryRun());
        assertFalse(options.force());
        assertEquals(List.of(Path.of("/opt/pg17/bin")), options.pgBinDirs());
    }

    @Test
    void secretsAreMaskedBeforeAnyOtherLineAndAppearNowhere() throws IOException {
        run(succeeding());

        List<String> lines = logLines();
        List<String> maskLines = lines.stream().takeWhile(line -> line.startsWith("::add-mask::")).toList();
        List<String> masked = maskLines.stream().map(line -> unescapeData(line.substring("::add-mask::".length()))).toList();
        assertTrue(masked.containsAll(List.of(ENCODED_PASSWORD, PASSWORD, SLACK)), lines.toString());

        String everythingElse = String.join("\n", lines.subList(maskLines.size(), lines.size()))
                + Files.readString(dir.resolve("output")) + Files.readString(dir.resolve("summary")) + Files.readString(reportFile());
        for (String secret : List.of(PASSWORD, ENCODED_PASSWORD, SLACK)) {
            assertFalse(everythingElse.contains(secret), "leaked " + secret);
        }
        assertTrue(everythingElse.contains("copying public.orders with password ***"));
    }

    @Test
    void phasesFoldIntoGroupsAndWarningsBecomeAnnotations() {
        run(succeeding());
        List<String> lines = logLines();
        int group = lines.indexOf("::group::Phase: data");
        int warning = lines.indexOf("::warning::extension pg_cron is not available on the twin");
        int end = lines.indexOf("::endgroup::");
        assertTrue(group >= 0 && group < warning && warning < end, lines.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            missing production-url;      INPUT_PRODUCTION-URL; '';                                  3; Invalid input; Input 'production-url' is required
            missing twin-url;            INPUT_TWIN-URL;       '';                                  3; Invalid input; Input 'twin-url' is required
            unknown direction;           INPUT_DIRECTION;      sideways;                            3; Invalid input; Input 'direction' is 'sideways'
            malformed URL;               INPUT_TWIN-URL;       postgresql://app:pw@twin.example.com:99999/x; 3; Invalid input; twin-url is not a valid PostgreSQL connection string
            twin URL equal to production; INPUT_TWIN-URL;      postgresql://other@PROD.example.com/app; 9; Refused to overwrite; twin-url points at production's own database
            jobs out of range;           INPUT_JOBS;           100;                                 3; Invalid input; Input 'jobs' is '100'
            unknown verify mode;         INPUT_VERIFY;         all;                                 3; Invalid input; verify is 'all'
            unknown notify;              INPUT_NOTIFY;         sometimes;                           3; Invalid input; notify is 'sometimes'
            """)
    void aBadInputEndsInOneErrorAnnotationAndWritesNothing(String name, String variable, String value, int exitCode,
                                                          String title, String messageStart) {
        env.put(variable, value == null ? "" : value);
        int exit = run((options, listener) -> {
            throw new AssertionError("the engine must not run");
        });

        assertEquals(exitCode, exit);
        List<String> errors = logLines().stream().filter(line -> line.startsWith("::error")).toList();
        assertEquals(1, errors.size(), log.toString());
        assertTrue(errors.get(0).startsWith("::error title=" + title + "::" + messageStart), errors.get(0));
        assertFalse(Files.exists(dir.resolve("output")));
        assertFalse(Files.exists(dir.resolve("summary")));
        assertFalse(Files.exists(reportFile()));
    }

    @Test
    void aMalformedUrlsPasswordIsMaskedThoughTheUrlCannotBeParsed() {
        env.put("INPUT_PRODUCTION-URL", "postgresql://app:p#ss%zzword@prod.example.com/app");
        assertEquals(3, run(succeeding()));
        assertTrue(logLines().get(0).startsWith("::add-mask::"));
        assertTrue(logLines().contains("::add-mask::p#ss%25zzword"), log.toString()); // the runner reads %25 as '%'
        assertFalse(logLines().stream().filter(line -> !line.startsWith("::add-mask::")).anyMatch(line -> line.contains("p#ss")));
    }

    @Test
    void anEngineFailureFailsTheStepWithItsExitCodeAndStillWritesOutputsSummaryAndReport() throws IOException {
        int exit = run((options, listener) -> new TwinResult(
                SampleReports.failedInData("connection to production lost: " + PASSWORD), ExitCode.COPY_FAILED, Optional.empty()));

        assertEquals(11, exit);
        List<String> errors = logLines().stream().filter(line -> line.startsWith("::error")).toList();
        assertEquals(List.of("::error title=Twin failed in data::connection to production lost%3A *** Twin: previous twin kept unchanged."
                .replace("lost%3A", "lost:")), errors);
        Map<String, String> outputs = GitHubFiles.readOutputs(dir.resolve("output"));
        assertEquals("failed", outputs.get("status"));
        assertEquals("", outputs.get("rows"));
        assertTrue(Files.readString(dir.resolve("summary")).contains("- **Phase:** data"));
        assertEquals("failed", ReportJson.mapper().readTree(reportFile().toFile()).get("outcome").asText());
    }

    @Test
    void anUnexpectedEngineCrashIsOneErrorAnnotationAndExitCodeOne() {
        int exit = run((options, listener) -> {
            throw new IllegalStateException("boom");
        });
        assertEquals(1, exit);
        List<String> errors = logLines().stream().filter(line -> line.startsWith("::error")).toList();
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).startsWith("::error title=neon-twin%3A unexpected error::unexpected IllegalStateException: boom"));
    }

    @Test
    void theReportGoesWhereReportFileSaysRelativeToTheWorkspace() throws IOException {
        env.put("INPUT_REPORT-FILE", "reports/nightly.json");
        run(succeeding());
        assertTrue(Files.exists(dir.resolve("workspace/reports/nightly.json")));
        assertEquals("reports/nightly.json", GitHubFiles.readOutputs(dir.resolve("output")).get("report-path"));
    }

    @Test
    void outsideGitHubThereAreNoOutputOrSummaryFilesAndTheRunStillWorks() {
        env.remove("GITHUB_OUTPUT");
        env.remove("GITHUB_STEP_SUMMARY");
        assertEquals(0, run(succeeding()));
        assertTrue(Files.exists(reportFile()));
        assertNull(GitHubFilesProbe.anyFileIn(dir, "output", "summary"));
    }

    /** Small helper so the assertion above reads as a sentence. */
    static final class GitHubFilesProbe {
        static Path anyFileIn(Path dir, String... names) {
            for (String name : names) {
                if (Files.exists(dir.resolve(name))) {
                    return dir.resolve(name);
                }
            }
            return null;
        }
    }
}
