package io.neontwin.diff.cli;

import io.neontwin.face.CommandLineExtensions;
import picocli.CommandLine;

/** Adds {@code neon-twin diff} to the command tree (registered in META-INF/services). */
public final class DiffExtension implements CommandLineExtensions {
    @Override
    public String name() {
        return "diff";
    }

    @Override
    public CommandLine newCommand() {
        return new CommandLine(new DiffCommand());
    }
}
