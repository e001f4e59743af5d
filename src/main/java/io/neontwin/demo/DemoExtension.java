package io.neontwin.demo;

import io.neontwin.face.CommandLineExtensions;
import picocli.CommandLine;

/** Adds {@code neon-twin demo} to the command tree, listed with the core commands (registered in META-INF/services). */
public final class DemoExtension implements CommandLineExtensions {
    @Override
    public void extend(CommandLine root) {
        root.addSubcommand(new DemoCommand());
    }

    @Override
    public Placement placement() {
        return Placement.BEFORE_HELP;
    }
}
