package io.neontwin.testing;

import io.neontwin.cli.NeonTwin;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code neon-twin} in the test's JVM, with every extension's commands, and keeps what it printed. */
public final class InProcessCli {
    private InProcessCli() {
    }

    public record Run(int exitCode, String out, String err) {
    }

    public static Run neonTwin(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = NeonTwin.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }
}
