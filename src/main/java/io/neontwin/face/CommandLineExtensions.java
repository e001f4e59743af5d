package io.neontwin.face;

import picocli.CommandLine;

import java.util.ServiceLoader;

/**
 * Commands that live in other faces (the demo, the GitHub adapter's {@code action}, {@code init}) join the command
 * tree here, so that no face depends on another: the CLI finds them through META-INF/services.
 */
public interface CommandLineExtensions {

    /** Where a command is listed in {@code neon-twin --help}: the order users have always seen. */
    enum Placement {
        /** With twin and reverse-twin, before {@code help}. */
        BEFORE_HELP,
        /** After {@code help} and {@code notify-test}. */
        AFTER_HELP
    }

    /** Adds subcommands to the root command. */
    void extend(CommandLine root);

    default Placement placement() {
        return Placement.AFTER_HELP;
    }

    static void addTo(CommandLine root, Placement placement) {
        for (CommandLineExtensions extension : ServiceLoader.load(CommandLineExtensions.class)) {
            if (extension.placement() == placement) {
                extension.extend(root);
            }
        }
    }
}
