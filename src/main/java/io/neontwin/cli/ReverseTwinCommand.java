package io.neontwin.cli;

import io.neontwin.connection.ConnectionSpec;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.face.CommandLineOptions;
import io.neontwin.face.ConsoleProgress;
import io.neontwin.face.Direction;
import io.neontwin.face.OptionTable;
import io.neontwin.run.RunOutcome;
import io.neontwin.reversetwin.MigrationFolder;
import io.neontwin.reversetwin.MigrationVersion;
import io.neontwin.reversetwin.PgDuration;
import io.neontwin.reversetwin.ReverseTwinEngine;
import io.neontwin.reversetwin.ReverseTwinOptions;
import io.neontwin.reversetwin.ReverseTwinResult;
import io.neontwin.twin.ProgressListener;
import io.neontwin.run.SessionSafety;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.function.BiFunction;

// One description paragraph (the top-level list shows the first one whole); options in the order below.
@Command(name = "reverse-twin", sortOptions = false,
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

    /** The options of {@code neon-twin reverse-twin}, in the order --help lists them. */
    static final List<OptionTable> OPTIONS = Stream.concat(Stream.of(OptionTable.PRODUCTION_URL, OptionTable.TWIN_URL,
            OptionTable.MIGRATIONS_PATH, OptionTable.HISTORY_TABLE, OptionTable.LOCK_TIMEOUT, OptionTable.STATEMENT_TIMEOUT,
            OptionTable.LOCK_RETRIES, OptionTable.DRY_RUN, OptionTable.OUT_OF_ORDER, OptionTable.BASELINE_VERSION,
            OptionTable.FORCE, OptionTable.REHEARSE_ON, OptionTable.REPORT_FILE),
            Stream.concat(NotifyOptions.OPTIONS.stream(), NeonOptions.REHEARSAL_OPTIONS.stream())).toList();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private CommandLineOptions options;

    /** The command with the table's options; -h and -V after them, as picocli lists annotated options. */
    static CommandLine commandLine() {
        ReverseTwinCommand command = new ReverseTwinCommand();
        CommandLine commandLine = new CommandLine(command);
        command.options = CommandLineOptions.addTo(commandLine.getCommandSpec(), Direction.REVERSE_TWIN, OPTIONS);
        commandLine.getCommandSpec().mixinStandardHelpOptions(true);
        return commandLine;
    }

    @Override
    public String whenMissing(String optionName) {
        return optionName.equals("--migrations") ? MIGRATIONS_MISSING : null;
    }

    @Override
    public Integer call() {
        ReverseTwinOptions options = toOptions();
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getOut(), ConsoleProgress.stdoutIsTerminal());
        ReverseTwinResult result = engine.apply(options, progress);
        return RunOutcome.finish(result.report(), result.exitCode(), Optional.ofNullable(this.options.path(OptionTable.REPORT_FILE)),
                RunOutcome.always(progress::printSummary),
                RunOutcome.always(finished -> {
                    if (finished.failure() != null) {
                        spec.commandLine().getErr().println("error: " + io.neontwin.secrets.Secrets.redact(finished.failure().message()));
                        result.cause().ifPresent(cause -> NeonTwin.printDebug(cause, spec.commandLine().getErr()));
                    }
                }),
                (finished, exit) -> NotifyOptions.deliver(this.options, finished, progress::warning));
    }

    ReverseTwinOptions toOptions() {
        String productionUrl = options.text(OptionTable.PRODUCTION_URL);
        String twinUrl = options.text(OptionTable.TWIN_URL);
        DatabaseUrls.requirePresent(productionUrl, twinUrl);
        Path migrations = options.path(OptionTable.MIGRATIONS_PATH);
        if (migrations == null || migrations.toString().isBlank()) {
            throw new UserError(ExitCode.INVALID_INPUT, MIGRATIONS_MISSING);
        }
        int lockRetries = options.number(OptionTable.LOCK_RETRIES);
        String historyTable = options.text(OptionTable.HISTORY_TABLE);
        if (historyTable == null || historyTable.isBlank()) {
            throw new UserError(ExitCode.INVALID_INPUT, "--history-table is empty; name a table such as " + ReverseTwinOptions.DEFAULT_HISTORY_TABLE + ".");
        }
        String baseline = MigrationVersion.optionalInput("--baseline-version", options.text(OptionTable.BASELINE_VERSION));
        var lock = PgDuration.parse("--lock-timeout", options.text(OptionTable.LOCK_TIMEOUT));
        var statement = PgDuration.parse("--statement-timeout", options.text(OptionTable.STATEMENT_TIMEOUT));
        ConnectionSpec production = ConnectionSpec.parse("--production-url", productionUrl);
        ConnectionSpec twin = ConnectionSpec.parse("--twin-url", twinUrl);
        SessionSafety.refuseSameDatabaseByUrl(production, twin);
        // Read before connecting anywhere: a bad file name or a duplicate version is named with the option at fault.
        MigrationFolder.load(migrations, "--migrations");
        return new ReverseTwinOptions(production, twin, migrations, historyTable.strip(), lock, statement, lockRetries,
                options.flag(OptionTable.DRY_RUN), options.flag(OptionTable.OUT_OF_ORDER), baseline, options.flag(OptionTable.FORCE),
                NeonOptions.rehearsalBranches(options));
    }
}
