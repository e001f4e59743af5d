package io.neontwin.cli;

import io.neontwin.face.ConsoleProgress;
import io.neontwin.connection.ConnectionSpec;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.neon.BranchesFollowTwin;
import io.neontwin.neon.NeonSettings;
import io.neontwin.notify.NotifyOptions;
import io.neontwin.report.NeonBranches;
import io.neontwin.report.TwinReport;
import io.neontwin.report.ReportJson;
import io.neontwin.twin.TwinEngine;
import io.neontwin.twin.TwinOptions;
import io.neontwin.twin.TwinResult;
import io.neontwin.twin.VerifyMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

// One description paragraph: picocli shows the first one in the top-level list, so it must be a whole sentence.
// sortOptions = false: the options are listed in the order below (the README's list is checked against it).
@Command(name = "twin", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Copy production into the twin: schema, then data over parallel COPY streams from one snapshot, "
                + "then indexes and constraints, built aside and swapped in at the end.",
        footer = {"", "URLs may also come from NEON_TWIN_PRODUCTION_URL and NEON_TWIN_TWIN_URL, which keeps passwords off the command line.",
                "Exit codes: docs/exit-codes.md."})
public final class TwinCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--production-url", paramLabel = "<url>", defaultValue = "${env:NEON_TWIN_PRODUCTION_URL}",
            description = "Production's connection string (read only).")
    String productionUrl;

    @Option(names = "--twin-url", paramLabel = "<url>", defaultValue = "${env:NEON_TWIN_TWIN_URL}",
            description = "The twin's connection string: the database to create or replace.")
    String twinUrl;

    @Option(names = "--jobs", paramLabel = "<n>", defaultValue = "" + TwinOptions.DEFAULT_JOBS,
            description = "Parallel COPY streams and index builds (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--schema", paramLabel = "<schema>", description = "Copy only this schema (repeatable).")
    List<String> schemas = new ArrayList<>();

    @Option(names = "--exclude-schema", paramLabel = "<schema>", description = "Do not copy this schema (repeatable).")
    List<String> excludeSchemas = new ArrayList<>();

    @Option(names = "--table", paramLabel = "<pattern>", description = "Copy only this table: [schema.]name, '*' and '?' wildcards (repeatable).")
    List<String> tables = new ArrayList<>();

    @Option(names = "--exclude-table", paramLabel = "<pattern>", description = "Do not copy this table at all (repeatable).")
    List<String> excludeTables = new ArrayList<>();

    @Option(names = "--exclude-table-data", paramLabel = "<pattern>", description = "Create this table but copy none of its rows (repeatable).")
    List<String> excludeTableData = new ArrayList<>();

    @Option(names = "--verify", paramLabel = "<mode>", defaultValue = "counts",
            description = "How the twin is checked after the copy: counts (row counts, the default), checksums or none.")
    String verify;

    @Option(names = "--dry-run", description = "Print the plan and stop before any write.")
    boolean dryRun;

    @Option(names = "--force", description = "Replace a twin target that is not empty and carries no twin marker (or another production's).")
    boolean force;

    @Option(names = "--report", paramLabel = "<file>", description = "Write the JSON report to this file (fields: docs/report.md).")
    Path reportFile;

    @Option(names = "--pg-bin", paramLabel = "<dir>", description = "A folder holding pg_dump and pg_restore, searched first (repeatable).")
    List<Path> pgBinDirs = new ArrayList<>();

    @Mixin
    NotifyOptions notifyOptions;

    @Mixin
    NeonOptions neonOptions;

    @Override
    public Integer call() {
        TwinOptions options = toOptions();
        Optional<NeonSettings> neon = neonOptions.toSettings();
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getOut(), ConsoleProgress.stdoutIsTerminal());
        TwinResult result = new TwinEngine(options, TestPauseHook.around(progress)).run();
        progress.printSummary(result.report());
        TwinReport report = neon.map(settings -> BranchesFollowTwin.standard().afterRefresh(result.report(), settings,
                options.twin().primaryHost().host(), options.production().primaryHost().host())).orElse(result.report());
        if (reportFile != null) {
            ReportJson.write(report, reportFile);
        }
        int exit = result.exitCode().code();
        if (report.failure() != null) {
            spec.commandLine().getErr().println("error: " + report.failure().message());
            result.cause().ifPresent(cause -> NeonTwin.printDebug(cause, spec.commandLine().getErr()));
        }
        if (exit == 0 && report.neonBranches() != null) {
            exit = printBranches(report.neonBranches(), neon.get(), progress);
        }
        int notifyExit = notifyOptions.deliver(report, progress::warning);
        return exit != 0 ? exit : notifyExit;
    }

    /** One line; problems as a warning, or as the error when --reset-branches-required. */
    private int printBranches(NeonBranches branches, NeonSettings settings, ConsoleProgress progress) {
        ExitCode exit = BranchesFollowTwin.exitCode(branches, settings);
        if (exit != ExitCode.OK) {
            spec.commandLine().getErr().println("error: " + branches.oneLine() + " (--reset-branches-required)");
        } else if (branches.hasProblems()) {
            progress.warning(branches.oneLine());
        } else {
            spec.commandLine().getOut().println(branches.oneLine());
        }
        return exit.code();
    }

    TwinOptions toOptions() {
        DatabaseUrls.requirePresent(productionUrl, twinUrl);
        if (jobs < 1 || jobs > 64) {
            throw new UserError(ExitCode.INVALID_INPUT, "--jobs is " + jobs + "; use a number from 1 to 64.");
        }
        ConnectionSpec production = ConnectionSpec.parse("--production-url", productionUrl);
        ConnectionSpec twin = ConnectionSpec.parse("--twin-url", twinUrl);
        return new TwinOptions(production, twin, jobs, schemas, excludeSchemas, tables, excludeTables, excludeTableData,
                VerifyMode.parse("--verify", verify), dryRun, force, pgBinDirs);
    }
}
