package io.neontwin.cli;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.face.CommandLineExtensions;
import io.neontwin.notify.NotifyTestCommand;
import io.neontwin.secrets.ConnectionSecrets;
import io.neontwin.secrets.Secrets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.PrintWriter;

/** {@code neon-twin <command>}: the command-line face of the engine. */
@Command(name = "neon-twin", mixinStandardHelpOptions = true, versionProvider = Version.Provider.class,
        description = "Keep a fresh, safe copy of production PostgreSQL (a Neon Twin) and carry schema changes back.")
public final class NeonTwin implements Runnable {

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Show stack traces behind errors.")
    static boolean debug;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "Name a command, e.g. 'neon-twin twin --help'.");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        return execute(null, null, args);
    }

    /** With out and err (when not null) in place of stdout and stderr: for tests that read every line printed. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        // Before picocli can quote an argument it does not know, or a parser an input it rejects.
        ConnectionSecrets.registerAll(java.util.List.of(args), System.getenv());
        CommandLine commandLine = commandLine();
        if (out != null) {
            commandLine.setOut(out);
        }
        if (err != null) {
            commandLine.setErr(err);
        }
        return commandLine.execute(args);
    }

    /** The command tree, with the error handling every command shares; other faces add subcommands to it. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new NeonTwin());
        // In the order --help has always listed them: twin, reverse-twin, demo, help, notify-test, action, init.
        commandLine.addSubcommand(TwinCommand.commandLine());
        commandLine.addSubcommand(ReverseTwinCommand.commandLine());
        CommandLineExtensions.addTo(commandLine, CommandLineExtensions.Placement.BEFORE_HELP);
        commandLine.addSubcommand(new CommandLine.HelpCommand());
        commandLine.addSubcommand(new NotifyTestCommand());
        CommandLineExtensions.addTo(commandLine, CommandLineExtensions.Placement.AFTER_HELP);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> reportFailure(exception, cmd.getErr()));
        commandLine.setParameterExceptionHandler((exception, args) -> {
            PrintWriter err = exception.getCommandLine().getErr();
            UsageErrors.Explained explained = UsageErrors.explain(exception, args);
            err.println("error: " + explained.sentence());
            printDebug(exception, err);
            return explained.exitCode().code();
        });
        return commandLine;
    }

    /** One sentence, no stack trace (unless --debug), and the exit code of the cause. */
    public static int reportFailure(Throwable exception, PrintWriter err) {
        if (exception instanceof UserError userError) {
            err.println("error: " + Secrets.redact(userError.getMessage()));
            printDebug(exception, err);
            return userError.exitCode().code();
        }
        err.println("error: unexpected " + exception.getClass().getSimpleName() + ": " + Secrets.redact(String.valueOf(exception.getMessage()))
                + " (rerun with --debug for details and report it).");
        printDebug(exception, err);
        return ExitCode.INTERNAL.code();
    }

    static void printDebug(Throwable exception, PrintWriter err) {
        if (debug && exception != null) {
            java.io.StringWriter trace = new java.io.StringWriter();
            exception.printStackTrace(new PrintWriter(trace));
            err.println(Secrets.redact(trace.toString()));
        }
    }

    public static boolean debugEnabled() {
        return debug;
    }
}
