package io.neontwin.action;

import io.neontwin.face.CommandLineExtensions;
import picocli.CommandLine;

/** Adds {@code neon-twin action} to the command tree (registered in META-INF/services). */
public final class ActionExtension implements CommandLineExtensions {
    @Override
    public String name() {
        return "action";
    }

    @Override
    public CommandLine newCommand() {
        return new CommandLine(new ActionCommand());
    }
}
