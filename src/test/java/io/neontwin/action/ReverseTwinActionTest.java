package io.neontwin.action;

import io.neontwin.errors.ExitCode;
import io.neontwin.face.OptionTable;
import io.neontwin.report.ReportJson;
import io.neontwin.report.ReverseTwinReport;
import io.neontwin.report.SampleReverseTwinReports;
import io.neontwin.reversetwin.ReverseTwinOptions;
import io.neontwin.reversetwin.ReverseTwinResult;
import io.neontwin.secrets.Secrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The action's step with {@code direction: reverse-twin}, run in-process with a scripted reverse engine. */
class ReverseTwinActionTest {
    @TempDir
    Path dir;
    Path workspace;
    final Map<String, String> env = new HashMap<>();
    final StringWriter log = new StringWriter();
    final AtomicReference<ReverseTwinOptions> engineSaw = new AtomicReference<>();

    @BeforeEach
    void runnerEnvironment() throws IOException {
        Secrets.clearForTests();
        workspace = Files.createDirectories(dir.resolve("workspace"));
        Path migrations = Files.createDirectories(workspace.resolve("migrations"));
        Files.writeString(migrations.resolve("V6__index_orders_by_customer.sql"), "CREATE INDEX orders_customer_idx ON orders (customer_id);\n");
        Files.writeString(migrations.resolve("V7__add_order_notes.sql"), "ALTER TABLE orders ADD COLUMN notes text;\n");
        env.put("GITHUB_OUTPUT", dir.resolve("output").toString());
        env.put("GITHUB_STEP_SUMMARY", dir.resolve("summary").toString());
        env.put("GITHUB_WORKSPACE", workspace.toString());
        for (OptionTable input : OptionTable.actionInputs()) {
            env.put(input.runnerVariable(), input.defaultValue() == null ? "" : input.defaultValue());
        }
        env.put("INPUT_PRODUCTION-URL", ActionRunnerTest.PRODUCTION_URL);
        env.put("INPUT_TWIN-URL", ActionRunnerTest.TWIN_URL);
        env.put("INPUT_DIRECTION", "reverse-twin");
        env.put("INPUT_NOTIFY", "never");
    }

    @AfterEach
    void forgetSecrets() {
        Secrets.clearForTests();
    }

    private ActionRunner.ReverseEngine returning(ReverseTwinReport report, ExitCode exitCode) {
        return (options, listener) -> {
            engineSaw.set(options);
            listener.phaseStarted("plan");
            listener.info("2 pending migrations: 6, 7");
            listener.phaseFinished("plan", 0.1);
            return new ReverseTwinResult(report, exitCode, Optional.empty());
        };
    }

    private int run(ActionRunner.ReverseEngine reverseEngine) {
        ActionRunner.Engine twinEngine = (options, listener) -> {
            throw new AssertionError("a reverse-twin run must not run the twin engine");
        };
        return new ActionRunner(new ActionEnvironment(env), new PrintWriter(log, true), twinEngine, reverseEngine).run();
    }

    private List<String> lines(String prefix) {
        return log.toString().lines().filter(line -> line.startsWith(prefix)).toList();
    }

    @Test
    void aDryRunWritesOutputsSummaryReportAndAHazardAnnotationOnTheLine() throws IOException {
        env.put("INPUT_DRY-RUN", "true");
        assertEquals(0, run(returning(SampleReverseTwinReports.planned(), ExitCode.OK)));

        Map<String, String> outputs = GitHubFiles.readOutputs(dir.resolve("output"));
        assertEquals("planned", outputs.get("status"));
        assertEquals("2", outputs.get("migrations-pending"));
        assertEquals("0", outputs.get("migrations-applied"));
        assertEquals("16.4", outputs.get("production-version"));
        assertEquals("17.2", outputs.get("twin-version"));
        assertEquals("3.2", outputs.get("duration-seconds"));
        for (String twinOnly : List.of("tables", "rows", "bytes", "client-version")) {
            assertEquals("", outputs.get(twinOnly), twinOnly);
        }
        assertEquals("neon-twin-report.json", outputs.get("report-path"));
        assertTrue(Files.readString(dir.resolve("summary")).startsWith("## 📝 Reverse twin: dry run"));
        assertEquals("reverse-twin", ReportJson.mapper().readTree(workspace.resolve("neon-twin-report.json").toFile()).get("kind").asText());

        assertEquals(List.of("::warning file=migrations/V6__index_orders_by_customer.sql,line=3,title=Migration hazard%3A "
                + "index-without-concurrently::Blocks every write to public.orders until the index is built."), lines("::warning"));
        assertEquals(List.of(), lines("::error"));
        assertTrue(engineSaw.get().dryRun());
    }

    @Test
    void theDefaultsReachTheEngine() {
        run(returning(SampleReverseTwinReports.succeeded(), ExitCode.OK));

        ReverseTwinOptions options = engineSaw.get();
        assertEquals(workspace.resolve("migrations"), options.migrationsDir());
        assertEquals(ActionRunnerTest.PASSWORD, options.production().password());
        assertEquals(ReverseTwinOptions.of(options.production(), options.twin(), options.migrationsDir()), options);
    }

    @Test
    void theReverseInputsReachTheEngine() throws IOException {
        Files.move(workspace.resolve("migrations"), Files.createDirectories(workspace.resolve("db")).resolve("migrations"));
        env.put("INPUT_MIGRATIONS-PATH", "./db/migrations/");
        env.put("INPUT_LOCK-TIMEOUT", "500ms");
        env.put("INPUT_STATEMENT-TIMEOUT", "2min");
        env.put("INPUT_BASELINE-VERSION", "5");
        env.put("INPUT_OUT-OF-ORDER", "true");
        env.put("INPUT_LOCK-RETRIES", "5");
        env.put("INPUT_HISTORY-TABLE", "ops.migrations");
        env.put("INPUT_FORCE", "true");
        run(returning(SampleReverseTwinReports.failedOnProduction("lock timeout"), ExitCode.MIGRATION_FAILED));

        ReverseTwinOptions options = engineSaw.get();
        assertEquals(workspace.resolve("db/migrations"), options.migrationsDir());
        assertEquals(Duration.ofMillis(500), options.lockTimeout());
        assertEquals(Duration.ofMinutes(2), options.statementTimeout());
        assertEquals("5", options.baselineVersion());
        assertTrue(options.outOfOrder());
        assertEquals(5, options.lockRetries());
        assertEquals("ops.migrations", options.historyTable());
        assertTrue(options.force());
        assertFalse(options.dryRun());
        // Annotations name files as the repository does, from the tidied input.
        assertTrue(lines("::error").get(0).startsWith("::error file=db/migrations/V7__add_order_notes.sql,line=4,"), log.toString());
    }

    @Test
    void aMigrationThatFailsOnProductionIsOneErrorAnnotationOnItsLine() throws IOException {
        int exit = run(returning(SampleReverseTwinReports.failedOnProduction("canceling statement due to lock timeout"),
                ExitCode.MIGRATION_FAILED));

        assertEquals(14, exit);
        assertEquals(List.of("::error file=migrations/V7__add_order_notes.sql,line=4,title=Migration failed on production::"
                + "canceling statement due to lock timeout (SQLSTATE 55P03) Production: V6 applied and recorded; V7 rolled back, not recorded."),
                lines("::error"));
        Map<String, String> outputs = GitHubFiles.readOutputs(dir.resolve("output"));
        assertEquals("failed", outputs.get("status"));
        assertEquals("2", outputs.get("migrations-pending"));
        assertEquals("1", outputs.get("migrations-applied"));
        assertTrue(Files.readString(dir.resolve("summary")).contains("- **Where:** `V7__add_order_notes.sql:4`, on production"));
    }

    @Test
    void aMigrationThatFailsInTheRehearsalSaysSoInTheTitle() {
        assertEquals(14, run(returning(SampleReverseTwinReports.failedInRehearsal(), ExitCode.MIGRATION_FAILED)));

        List<String> errors = lines("::error");
        assertEquals(1, errors.size(), log.toString());
        assertTrue(errors.get(0).startsWith("::error file=migrations/V7__add_order_notes.sql,line=2,title=Migration failed in rehearsal::"
                + "relation \"public.order\" does not exist (SQLSTATE 42P01) Production: unchanged"), errors.get(0));
    }

    @Test
    void aFailureBeforeAnyMigrationRanIsOneErrorAnnotationOnTheRun() throws IOException {
        assertEquals(15, run(returning(SampleReverseTwinReports.refusedHistory(), ExitCode.MIGRATIONS_INVALID)));

        List<String> errors = lines("::error");
        assertEquals(1, errors.size(), log.toString());
        assertTrue(errors.get(0).startsWith("::error title=Reverse twin failed in plan::V3__add_users.sql was applied with checksum"), errors.get(0));
        assertTrue(errors.get(0).endsWith(" Production: unchanged: nothing was applied."), errors.get(0));
        assertEquals("", GitHubFiles.readOutputs(dir.resolve("output")).get("migrations-pending"));
    }

    @Test
    void twinOnlyInputsOnAReverseRunAreAWarningNotAnError() {
        env.put("INPUT_JOBS", "8");
        env.put("INPUT_EXCLUDE-TABLE-DATA", "public.audit_log");

        assertEquals(0, run(returning(SampleReverseTwinReports.succeeded(), ExitCode.OK)));

        List<String> warnings = lines("::warning::");
        assertTrue(warnings.contains("::warning::Input 'jobs' applies to direction twin only; this reverse-twin run ignores it."), warnings.toString());
        assertTrue(warnings.contains("::warning::Input 'exclude-table-data' applies to direction twin only; this reverse-twin run ignores it."),
                warnings.toString());
        assertFalse(warnings.stream().anyMatch(w -> w.contains("'verify'")), "an input left at its default is not 'given'");
    }

    @Test
    void reverseOnlyInputsOnATwinRunAreAWarning() {
        env.put("INPUT_DIRECTION", "twin");
        env.put("INPUT_LOCK-TIMEOUT", "1s");
        int exit = new ActionRunner(new ActionEnvironment(env), new PrintWriter(log, true),
                (options, listener) -> new io.neontwin.twin.TwinResult(SampleReports.succeeded(1), ExitCode.OK, Optional.empty()),
                (options, listener) -> {
                    throw new AssertionError("a twin run must not run the reverse engine");
                }).run();

        assertEquals(0, exit);
        assertTrue(lines("::warning::").contains("::warning::Input 'lock-timeout' applies to direction reverse-twin only; this twin run ignores it."),
                log.toString());
    }

    @Test
    void aMissingMigrationsFolderIsRefusedBeforeTheEngineAndWritesNothing() {
        env.put("INPUT_MIGRATIONS-PATH", "db/missing");

        assertEquals(15, run(returning(SampleReverseTwinReports.succeeded(), ExitCode.OK)));

        assertNull(engineSaw.get());
        List<String> errors = lines("::error");
        assertEquals(1, errors.size(), log.toString());
        assertTrue(errors.get(0).startsWith("::error title=Migrations refused::Input 'migrations-path' is '"), errors.get(0));
        assertTrue(errors.get(0).contains("which does not exist"), errors.get(0));
        assertFalse(Files.exists(dir.resolve("output")));
        assertFalse(Files.exists(dir.resolve("summary")));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"../outside", "/etc", "migrations/../../outside", "linked"})
    void aMigrationsPathOutsideTheWorkspaceIsAnInvalidInput(String path) throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("V1__elsewhere.sql"), "SELECT 1;\n");
        Files.createSymbolicLink(workspace.resolve("linked"), outside);
        env.put("INPUT_MIGRATIONS-PATH", path);

        assertEquals(3, run(returning(SampleReverseTwinReports.succeeded(), ExitCode.OK)));

        assertNull(engineSaw.get());
        assertEquals(List.of("::error title=Invalid input::Input 'migrations-path' is '" + path + "', which is outside the "
                + "repository (GITHUB_WORKSPACE); point it at the migrations folder in the repository."), lines("::error"));
    }

    @Test
    void aBadTimeoutIsAnInvalidInput() {
        env.put("INPUT_LOCK-TIMEOUT", "soon");

        assertEquals(3, run(returning(SampleReverseTwinReports.succeeded(), ExitCode.OK)));

        assertNull(engineSaw.get());
        assertEquals(List.of("::error title=Invalid input::Input 'lock-timeout' is 'soon'; use a duration such as 500ms, 5s, 2min or 1h "
                + "(a bare number is milliseconds)."), lines("::error"));
    }

    @Test
    void aBadBaselineVersionIsAnInvalidInput() {
        env.put("INPUT_BASELINE-VERSION", "v5");
        assertEquals(3, run(returning(SampleReverseTwinReports.succeeded(), ExitCode.OK)));
        assertTrue(lines("::error").get(0).startsWith("::error title=Invalid input::Input 'baseline-version' is 'v5'"), log.toString());
    }

    @Test
    void aPasswordInTheEnginesMessagesIsMaskedEverywhere() throws IOException {
        int exit = run(returning(SampleReverseTwinReports.failedOnProduction("role app with password " + ActionRunnerTest.PASSWORD
                + " may not alter orders"), ExitCode.PRIVILEGE));

        assertEquals(7, exit);
        List<String> all = log.toString().lines().toList();
        List<String> masks = all.stream().takeWhile(line -> line.startsWith("::add-mask::")).toList();
        String everythingElse = String.join("\n", all.subList(masks.size(), all.size())) + Files.readString(dir.resolve("summary"))
                + Files.readString(workspace.resolve("neon-twin-report.json"));
        assertFalse(everythingElse.contains(ActionRunnerTest.PASSWORD), everythingElse);
        assertTrue(lines("::error").get(0).contains("role app with password *** may not alter orders"), log.toString());
    }

    @Test
    void annotationsNameFilesRelativeToTheRepository() {
        Path ws = Path.of("/github/workspace");
        assertEquals("migrations/", ActionRunner.annotationFolder(ActionSettings.tidy("./migrations/"), ws));
        assertEquals("db/migrations/", ActionRunner.annotationFolder(ActionSettings.tidy("/github/workspace/db/migrations"), ws));
        assertEquals("", ActionRunner.annotationFolder(ActionSettings.tidy("."), ws));
        assertEquals("migrations/", ActionRunner.annotationFolder(ActionSettings.tidy(""), ws));
    }
}
