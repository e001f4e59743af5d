package io.neontwin.cli;

import io.neontwin.connection.ConnectionSpec;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.face.CommandLineOptions;
import io.neontwin.face.ConsoleProgress;
import io.neontwin.face.Direction;
import io.neontwin.face.FromOptions;
import io.neontwin.face.OptionTable;
import io.neontwin.neon.BranchesFollowTwin;
import io.neontwin.neon.NeonSettings;
import io.neontwin.report.NeonBranches;
import io.neontwin.run.RunOutcome;
import io.neontwin.report.TwinReport;
import io.neontwin.twin.TwinEngine;
import io.neontwin.twin.TwinOptions;
import io.neontwin.twin.TwinResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

// One description paragraph: picocli shows the first one in the top-level list, so it must be a whole sentence.
// sortOptions = false: the options are listed in the order below (the README's list is checked against it).
@Command(name = "twin", sortOptions = false,
        description = "Copy production into the twin: schema, then data over parallel COPY streams from one snapshot, "
                + "then indexes and constraints, built aside and swapped in at the end.",
        footer = {"", "URLs may also come from NEON_TWIN_PRODUCTION_URL and NEON_TWIN_TWIN_URL, which keeps passwords off the command line.",
                "Exit codes: docs/exit-codes.md."})
public final class TwinCommand implements Callable<Integer> {

    /** The options of {@code neon-twin twin}, in the order --help lists them (the README's list is checked against it). */
    static final List<OptionTable> OPTIONS = Stream.of(Stream.of(OptionTable.PRODUCTION_URL, OptionTable.TWIN_URL, OptionTable.JOBS,
            OptionTable.SCHEMAS, OptionTable.EXCLUDE_SCHEMAS, OptionTable.TABLES, OptionTable.EXCLUDE_TABLES,
            OptionTable.EXCLUDE_TABLE_DATA, OptionTable.RULES_PATH, OptionTable.VERIFY, OptionTable.DRY_RUN, OptionTable.FORCE, OptionTable.REPORT_FILE,
            OptionTable.PG_BIN, OptionTable.COPY_FORMAT), NotifyOptions.OPTIONS.stream(), NeonOptions.OPTIONS.stream()).flatMap(s -> s).toList();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private CommandLineOptions options;

    /** The command with the table's options; -h and -V after them, as picocli lists annotated options. */
    static CommandLine commandLine() {
        TwinCommand command = new TwinCommand();
        CommandLine commandLine = new CommandLine(command);
        command.options = CommandLineOptions.addTo(commandLine.getCommandSpec(), Direction.TWIN, OPTIONS);
        commandLine.getCommandSpec().mixinStandardHelpOptions(true);
        return commandLine;
    }

    @Override
    public Integer call() {
        TwinOptions options = toOptions();
        Optional<NeonSettings> neon = NeonOptions.toSettings(this.options);
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getOut(), ConsoleProgress.stdoutIsTerminal());
        TwinResult result = new TwinEngine(options, TestPauseHook.around(progress)).run();
        progress.printSummary(result.report());
        TwinReport report = neon.map(settings -> BranchesFollowTwin.standard().afterRefresh(result.report(), settings,
                options.twin().primaryHost().host(), options.production().primaryHost().host())).orElse(result.report());
        return RunOutcome.finish(report, result.exitCode(), Optional.ofNullable(this.options.path(OptionTable.REPORT_FILE)),
                RunOutcome.always(finished -> {
                    if (finished.failure() != null) {
                        spec.commandLine().getErr().println("error: " + finished.failure().message());
                        result.cause().ifPresent(cause -> NeonTwin.printDebug(cause, spec.commandLine().getErr()));
                    }
                }),
                (finished, exit) -> exit == 0 && finished.neonBranches() != null
                        ? printBranches(finished.neonBranches(), neon.get(), progress) : 0,
                (finished, exit) -> NotifyOptions.deliver(this.options, finished, progress::warning));
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
        String productionUrl = options.text(OptionTable.PRODUCTION_URL);
        String twinUrl = options.text(OptionTable.TWIN_URL);
        DatabaseUrls.requirePresent(productionUrl, twinUrl);
        options.number(OptionTable.JOBS); // checked before the URLs are parsed, as it always was
        ConnectionSpec production = ConnectionSpec.parse("--production-url", productionUrl);
        ConnectionSpec twin = ConnectionSpec.parse("--twin-url", twinUrl);
        return FromOptions.twinOptions(options, production, twin);
    }
}
