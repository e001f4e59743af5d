package io.neontwin.demo;

import io.neontwin.face.CommandLineExtensions;
import picocli.CommandLine;

/** Adds {@code neon-twin demo} to the command tree, listed with the core commands (registered in META-INF/services). */
public final class DemoExtension implements CommandLineExtensions {
    @Override
    public String name() {
        return "demo";
    }

    @Override
    public CommandLine newCommand() {
        return new CommandLine(new DemoCommand());
    }

    @Override
    public Placement placement() {
        return Placement.BEFORE_HELP;
    }
}
