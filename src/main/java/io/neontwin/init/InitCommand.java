package io.neontwin.init;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.face.ConsoleProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code neon-twin init}: writes the workflows that use the action, from flags (one per catalog option, added from
 * {@link OptionCatalog} so a new action input gets its flag on its own), a link shared from the page, or answers
 * typed at a terminal.
 */
@Command(name = "init", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write .github/workflows/neon-twin.yml (and neon-reverse-twin.yml with --reverse) that use the neon-twin action.",
                "Every option of the workflow generator page is a flag; --from-url takes the page's link."})
public final class InitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from-url", paramLabel = "<url>", description = "Start from a configuration shared from the workflow generator page (its address, with the part after #).")
    String fromUrl;

    @Option(names = "--owner", paramLabel = "<owner>", description = "The account that publishes the action: uses <owner>/neon-twin-action@v1 (or give --action-ref).")
    String owner;

    @Option(names = "--print", description = "Write the workflows to standard output instead of into the repository.")
    boolean print;

    @Option(names = "--force", description = "Replace workflow files that exist and differ (otherwise the difference is shown and nothing is written).")
    boolean force;

    @Option(names = "--directory", paramLabel = "<dir>", defaultValue = ".", description = "The repository to write into (default: the current folder).")
    Path directory;

    private final OptionCatalog catalog;
    private final WorkflowTemplates templates;
    private final Map<String, String> flags = new LinkedHashMap<>();

    public InitCommand() {
        this(OptionCatalog.load(), WorkflowTemplates.load());
    }

    InitCommand(OptionCatalog catalog, WorkflowTemplates templates) {
        this.catalog = catalog;
        this.templates = templates;
    }

    /** The command with one flag per catalog option. */
    public static CommandLine commandLine() {
        InitCommand command = new InitCommand();
        CommandLine commandLine = new CommandLine(command);
        for (CatalogOption option : command.catalog.options()) {
            commandLine.getCommandSpec().addOption(command.flagFor(option));
        }
        return commandLine;
    }

    private OptionSpec flagFor(CatalogOption option) {
        boolean onOff = option.kind() == OptionKind.BOOLEAN || option.kind() == OptionKind.SECRET;
        OptionSpec.Builder flag = OptionSpec.builder("--" + option.name()).type(String.class)
                .description(option.help() + (option.kind() == OptionKind.CHOICE ? " One of: " + String.join(", ", option.allowed()) + "." : "") + (onOff || option.defaultValue().isEmpty() || CatalogOption.RANDOM_NIGHT.equals(option.defaultValue())
                        ? "" : " Default: " + option.defaultValue() + "."))
                .setter(new CommandLine.Model.ISetter() {
                    @Override
                    public <T> T set(T value) {
                        if (value != null) { // picocli resets unmatched options to null before parsing
                            flags.put(option.name(), String.valueOf(value));
                        }
                        return null;
                    }
                });
        if (onOff) {
            flag.arity("0..1").fallbackValue("true").paramLabel("<true-or-false>");
        } else {
            // a placeholder says what to type; a choice's values are listed in its description
            flag.arity("1").paramLabel(option.kind() == OptionKind.CHOICE ? "<" + option.name() + ">" : "<" + option.kind().jsonName() + ">");
        }
        return flag.build();
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WorkflowOptions options = chooseOptions();
        if (ConsoleProgress.stdoutIsTerminal() && !print && flags.isEmpty() && fromUrl == null) {
            options = new InitQuestions(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out).ask(options);
        }
        List<GeneratedFile> files = templates.render(options);
        PrintWriter report = print ? err : out;
        if (print) {
            printFiles(files, out);
        } else {
            writeFiles(files, out);
        }
        InitAdvice.print(options, report);
        report.flush();
        return ExitCode.OK.code();
    }

    /** Defaults, then the shared link, then the flags, then --owner: each later one wins. */
    WorkflowOptions chooseOptions() {
        WorkflowOptions options = WorkflowOptions.defaults(catalog, new SecureRandom());
        if (fromUrl != null) {
            SharedLink.Parsed parsed = SharedLink.parse(fromUrl, catalog, new SecureRandom());
            if (!parsed.ignored().isEmpty()) {
                throw new UserError(ExitCode.INVALID_INPUT, "--from-url: the link holds values init cannot use: "
                        + String.join("; ", parsed.ignored().stream().map(SharedLink.Ignored::describe).toList())
                        + "; copy the link again from the page, or give those options as flags.");
            }
            options = parsed.options();
        }
        for (Map.Entry<String, String> flag : flags.entrySet()) {
            options = withFlag(options, flag.getKey(), flag.getValue());
        }
        if (owner != null) {
            options = withFlag(options, "action-ref", owner + "/neon-twin-action@v1");
        }
        return options;
    }

    private static WorkflowOptions withFlag(WorkflowOptions options, String name, String value) {
        try {
            return options.with(name, value);
        } catch (IllegalArgumentException invalid) {
            throw new UserError(ExitCode.INVALID_INPUT, "--" + invalid.getMessage() + "; see 'neon-twin init --help' for what --" + name + " takes.", invalid);
        }
    }

    private static void printFiles(List<GeneratedFile> files, PrintWriter out) {
        for (GeneratedFile file : files) {
            if (files.size() > 1) {
                out.println("# ==> " + file.path() + " <==");
            }
            out.print(file.content());
        }
        out.flush();
    }

    private void writeFiles(List<GeneratedFile> files, PrintWriter out) {
        List<Path> differing = new ArrayList<>();
        for (GeneratedFile file : files) {
            Path path = directory.resolve(file.path());
            String existing = read(path);
            if (existing != null && !existing.equals(file.content()) && !force) {
                out.println(file.path() + " exists and differs from the new one (- now, + new):");
                LineDiff.between(existing, file.content()).forEach(line -> out.println("  " + line));
                differing.add(path);
            }
        }
        if (!differing.isEmpty()) {
            out.flush();
            throw new UserError(ExitCode.WOULD_OVERWRITE, differing.getFirst() + " exists and differs from the workflow init writes; "
                    + "read the difference above and pass --force to replace it, or --print to see the new file.");
        }
        for (GeneratedFile file : files) {
            Path path = directory.resolve(file.path());
            String existing = read(path);
            if (file.content().equals(existing)) {
                out.println("unchanged " + file.path());
                continue;
            }
            try {
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.content());
            } catch (IOException e) {
                throw new UserError(ExitCode.INVALID_INPUT, "--directory: cannot write " + path + " (" + e.getMessage() + "); check the folder exists and is writable.", e);
            }
            out.println((existing == null ? "wrote " : "replaced ") + file.path());
        }
    }

    private static String read(Path path) {
        try {
            return Files.exists(path) ? Files.readString(path) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
