package io.neontwin.cli;

import io.neontwin.face.ConsoleProgress;
import io.neontwin.connection.ConnectionSpec;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.notify.NotifyOptions;
import io.neontwin.report.ReportJson;
import io.neontwin.reversetwin.MigrationFolder;
import io.neontwin.reversetwin.MigrationVersion;
import io.neontwin.reversetwin.PgDuration;
import io.neontwin.reversetwin.ReverseTwinEngine;
import io.neontwin.reversetwin.ReverseTwinOptions;
import io.neontwin.reversetwin.ReverseTwinResult;
import io.neontwin.twin.ProgressListener;
import io.neontwin.twin.SafetyChecks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;

// One description paragraph (the top-level list shows the first one whole); options in the order below.
@Command(name = "reverse-twin", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Carry schema migrations proven on the twin to production: plan them against production's history, "
                + "read them for hazards, rehearse them on the twin in one transaction that is rolled back, then apply them "
                + "to production in order, each in its own transaction with its history row.",
        footer = {"", "URLs may also come from NEON_TWIN_PRODUCTION_URL and NEON_TWIN_TWIN_URL, and the folder from NEON_TWIN_MIGRATIONS.",
                "Durations are written as in PostgreSQL: 500ms, 5s, 2min, 1h, 1d (a bare number is milliseconds).",
                "Guide: docs/reverse-twin.md. Exit codes: docs/exit-codes.md."})
public final class ReverseTwinCommand implements Callable<Integer>, UsageErrors.RequiredOptionHints {
    private static final String MIGRATIONS_MISSING =
            "--migrations is missing; pass the folder of V<version>__<description>.sql files (or set NEON_TWIN_MIGRATIONS).";


    /** The engine behind the command; tests put a scripted one in its place. */
    BiFunction<ReverseTwinOptions, ProgressListener, ReverseTwinResult> engine =
            (options, listener) -> new ReverseTwinEngine(options, listener).run();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--production-url", paramLabel = "<url>", defaultValue = "${env:NEON_TWIN_PRODUCTION_URL}",
            description = "Production's connection string: the database migrated.")
    String productionUrl;

    @Option(names = "--twin-url", paramLabel = "<url>", defaultValue = "${env:NEON_TWIN_TWIN_URL}",
            description = "The twin's connection string: the migrations are rehearsed there first and rolled back.")
    String twinUrl;

    // Required, yet satisfied by NEON_TWIN_MIGRATIONS: picocli counts a default value taken from the environment.
    @Option(names = "--migrations", required = true, defaultValue = "${env:NEON_TWIN_MIGRATIONS}", paramLabel = "<dir>",
            description = "Required: the folder of migration files, V<version>__<description>.sql (or set NEON_TWIN_MIGRATIONS).")
    Path migrations;

    @Option(names = "--history-table", paramLabel = "<table>", defaultValue = ReverseTwinOptions.DEFAULT_HISTORY_TABLE,
            description = "Production's table of applied migrations, schema-qualified (default: ${DEFAULT-VALUE}).")
    String historyTable;

    @Option(names = "--lock-timeout", paramLabel = "<duration>", defaultValue = "5s",
            description = "How long a statement may wait for a lock on production before it gives up (default: ${DEFAULT-VALUE}).")
    String lockTimeout;

    @Option(names = "--statement-timeout", paramLabel = "<duration>", defaultValue = "15min",
            description = "How long one statement may run (default: ${DEFAULT-VALUE}).")
    String statementTimeout;

    @Option(names = "--lock-retries", paramLabel = "<n>", defaultValue = "" + ReverseTwinOptions.DEFAULT_LOCK_RETRIES,
            description = "How many more times a migration that timed out waiting for a lock is tried, 0 to 10 (default: ${DEFAULT-VALUE}).")
    int lockRetries;

    @Option(names = "--dry-run", description = "Plan, read for hazards and rehearse on the twin; do not write production.")
    boolean dryRun;

    @Option(names = "--out-of-order", description = "Apply a pending migration whose version is lower than production's latest.")
    boolean outOfOrder;

    @Option(names = "--baseline-version", paramLabel = "<version>",
            description = "Production has no history yet: record migrations up to this version as applied, without running them.")
    String baselineVersion;

    @Option(names = "--force", description = "Rehearse on a twin whose marker names another production.")
    boolean force;

    @Option(names = "--report", paramLabel = "<file>", description = "Write the JSON report to this file (fields: docs/report.md).")
    Path reportFile;

    @Mixin
    NotifyOptions notifyOptions;

    @Override
    public String whenMissing(String optionName) {
        return optionName.equals("--migrations") ? MIGRATIONS_MISSING : null;
    }

    @Override
    public Integer call() {
        ReverseTwinOptions options = toOptions();
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getOut(), ConsoleProgress.stdoutIsTerminal());
        ReverseTwinResult result = engine.apply(options, progress);
        if (reportFile != null) {
            ReportJson.write(result.report(), reportFile);
        }
        progress.printSummary(result.report());
        int exit = result.exitCode().code();
        if (result.report().failure() != null) {
            spec.commandLine().getErr().println("error: " + io.neontwin.secrets.Secrets.redact(result.report().failure().message()));
            result.cause().ifPresent(cause -> NeonTwin.printDebug(cause, spec.commandLine().getErr()));
        }
        int notifyExit = notifyOptions.deliver(result.report(), progress::warning);
        return exit != 0 ? exit : notifyExit;
    }

    ReverseTwinOptions toOptions() {
        DatabaseUrls.requirePresent(productionUrl, twinUrl);
        if (migrations == null || migrations.toString().isBlank()) {
            throw new UserError(ExitCode.INVALID_INPUT, MIGRATIONS_MISSING);
        }
        if (lockRetries < 0 || lockRetries > 10) {
            throw new UserError(ExitCode.INVALID_INPUT, "--lock-retries is " + lockRetries + "; use a number from 0 to 10.");
        }
        if (historyTable == null || historyTable.isBlank()) {
            throw new UserError(ExitCode.INVALID_INPUT, "--history-table is empty; name a table such as " + ReverseTwinOptions.DEFAULT_HISTORY_TABLE + ".");
        }
        String baseline = MigrationVersion.optionalInput("--baseline-version", baselineVersion);
        var lock = PgDuration.parse("--lock-timeout", lockTimeout);
        var statement = PgDuration.parse("--statement-timeout", statementTimeout);
        ConnectionSpec production = ConnectionSpec.parse("--production-url", productionUrl);
        ConnectionSpec twin = ConnectionSpec.parse("--twin-url", twinUrl);
        SafetyChecks.refuseSameDatabaseByUrl(production, twin);
        // Read before connecting anywhere: a bad file name or a duplicate version is named with the option at fault.
        MigrationFolder.load(migrations, "--migrations");
        return new ReverseTwinOptions(production, twin, migrations, historyTable.strip(), lock, statement, lockRetries,
                dryRun, outOfOrder, baseline, force);
    }
}
