package io.neontwin.diff.cli;

import io.neontwin.face.CommandLineExtensions;
import picocli.CommandLine;

/** Adds {@code neon-twin diff} to the command tree (registered in META-INF/services). */
public final class DiffExtension implements CommandLineExtensions {
    @Override
    public void extend(CommandLine root) {
        root.addSubcommand("diff", new CommandLine(new DiffCommand()));
    }
}
