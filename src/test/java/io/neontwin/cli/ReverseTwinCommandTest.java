package io.neontwin.cli;

import io.neontwin.errors.ExitCode;
import io.neontwin.report.ReportJson;
import io.neontwin.report.ReverseTwinReport;
import io.neontwin.report.SampleReverseTwinReports;
import io.neontwin.reversetwin.ReverseTwinOptions;
import io.neontwin.reversetwin.ReverseTwinResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code neon-twin reverse-twin} in-process with a scripted engine: what reaches the engine, what is printed, the exit code. */
class ReverseTwinCommandTest {
    static final String PRODUCTION = "postgresql://app:pw@prod.example.com:5432/app";
    static final String TWIN = "postgresql://app:pw@twin.example.com:5432/app_twin";

    @TempDir
    Path dir;
    Path migrations;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final AtomicReference<ReverseTwinOptions> engineSaw = new AtomicReference<>();

    @BeforeEach
    void folder() throws IOException {
        migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("V6__index_orders_by_customer.sql"), "CREATE INDEX orders_customer_idx ON orders (customer_id);\n");
        Files.writeString(migrations.resolve("V7__add_order_notes.sql"), "ALTER TABLE orders ADD COLUMN notes text;\n");
    }

    private int run(ReverseTwinReport report, ExitCode exitCode, String... args) {
        CommandLine commandLine = NeonTwin.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        ReverseTwinCommand command = commandLine.getSubcommands().get("reverse-twin").getCommand();
        command.engine = (options, listener) -> {
            engineSaw.set(options);
            listener.phaseStarted("plan");
            listener.info("2 pending migrations: 6, 7");
            listener.phaseFinished("plan", 0.1);
            return new ReverseTwinResult(report, exitCode, Optional.empty());
        };
        String[] all = new String[args.length + 7];
        System.arraycopy(new String[]{"reverse-twin", "--production-url", PRODUCTION, "--twin-url", TWIN, "--migrations",
                migrations.toString()}, 0, all, 0, 7);
        System.arraycopy(args, 0, all, 7, args.length);
        return commandLine.execute(all);
    }

    @Test
    void theDefaultsReachTheEngine() {
        assertEquals(0, run(SampleReverseTwinReports.succeeded(), ExitCode.OK));

        ReverseTwinOptions options = engineSaw.get();
        assertEquals("prod.example.com:5432/app", options.production().describe());
        assertEquals("twin.example.com:5432/app_twin", options.twin().describe());
        assertEquals(migrations, options.migrationsDir());
        assertEquals(ReverseTwinOptions.of(options.production(), options.twin(), migrations), options,
                "every other option at the contract's defaults");
    }

    @Test
    void everyOptionReachesTheEngine() {
        run(SampleReverseTwinReports.planned(), ExitCode.OK, "--history-table", "ops.migrations", "--lock-timeout", "500ms",
                "--statement-timeout", "2min", "--lock-retries", "0", "--dry-run", "--out-of-order", "--baseline-version", "5",
                "--force");

        ReverseTwinOptions options = engineSaw.get();
        assertEquals("ops.migrations", options.historyTable());
        assertEquals(Duration.ofMillis(500), options.lockTimeout());
        assertEquals(Duration.ofMinutes(2), options.statementTimeout());
        assertEquals(0, options.lockRetries());
        assertTrue(options.dryRun());
        assertTrue(options.outOfOrder());
        assertEquals("5", options.baselineVersion());
        assertTrue(options.force());
    }

    @Test
    void progressThenTheSummaryAreOnStdoutAndTheReportIsWritten() throws IOException {
        Path report = dir.resolve("report.json");
        assertEquals(0, run(SampleReverseTwinReports.planned(), ExitCode.OK, "--dry-run", "--report", report.toString()));

        String printed = out.toString();
        assertTrue(printed.contains("==> plan"), printed);
        assertTrue(printed.contains("2 pending migrations: 6, 7"), printed);
        assertTrue(printed.indexOf("==> plan") < printed.indexOf("Reverse twin planned (dry run)"), printed);
        assertEquals("", err.toString());
        var json = ReportJson.mapper().readTree(report.toFile());
        assertEquals("reverse-twin", json.get("kind").asText());
        assertEquals("planned", json.get("outcome").asText());
    }

    @Test
    void aFailedMigrationExitsWithTheEnginesCodeAndOneErrorLine() {
        int exit = run(SampleReverseTwinReports.failedOnProduction("canceling statement due to lock timeout"), ExitCode.MIGRATION_FAILED);

        assertEquals(14, exit);
        assertEquals("error: V7__add_order_notes.sql line 4: canceling statement due to lock timeout", err.toString().strip());
        assertTrue(out.toString().contains("Failed on production at V7__add_order_notes.sql:4"), out.toString());
    }

    @Test
    void aBadOptionNeverReachesTheEngine() {
        int exit = run(SampleReverseTwinReports.succeeded(), ExitCode.OK, "--lock-timeout", "soon");

        assertEquals(3, exit);
        assertNull(engineSaw.get());
        assertEquals("error: --lock-timeout is 'soon'; use a duration such as 500ms, 5s, 2min or 1h (a bare number is milliseconds).",
                err.toString().strip());
        assertFalse(out.toString().contains("Reverse twin"));
    }

    @Test
    void aBadMigrationFileNameIsRefusedBeforeTheEngineConnectsAnywhere() throws IOException {
        Files.writeString(migrations.resolve("V7__duplicate_version.sql"), "SELECT 1;\n");

        int exit = run(SampleReverseTwinReports.succeeded(), ExitCode.OK);

        assertEquals(15, exit);
        assertNull(engineSaw.get());
        assertTrue(err.toString().startsWith("error: --migrations: "), err.toString());
        assertTrue(err.toString().contains("both have version 7"), err.toString());
    }
}
