package io.neontwin.init;

import io.neontwin.face.CommandLineExtensions;
import picocli.CommandLine;

/** Adds {@code neon-twin init} to the command tree (registered in META-INF/services). */
public final class InitExtension implements CommandLineExtensions {
    @Override
    public String name() {
        return "init";
    }

    @Override
    public CommandLine newCommand() {
        return InitCommand.commandLine();
    }
}
