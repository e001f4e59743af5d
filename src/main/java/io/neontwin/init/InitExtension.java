package io.neontwin.init;

import io.neontwin.face.CommandLineExtensions;
import picocli.CommandLine;

/** Adds {@code neon-twin init} to the command tree (registered in META-INF/services). */
public final class InitExtension implements CommandLineExtensions {
    @Override
    public void extend(CommandLine root) {
        root.addSubcommand("init", InitCommand.commandLine());
    }
}
