package io.neontwin.face;

import picocli.CommandLine;

import java.util.ServiceLoader;

/**
 * Commands that live in other faces (the demo, the GitHub adapter's {@code action}, {@code init}, {@code diff}) join the command
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

    /** The command's name: {@code neon-twin <name>}. */
    String name();

    /** A new instance of the command, with no parent: to add to the tree, or to run alone. */
    CommandLine newCommand();

    default Placement placement() {
        return Placement.AFTER_HELP;
    }

    /**
     * One command another face contributes, on its own, as {@code neon-twin <name>} would run it: the demo runs
     * {@code diff} and {@code init} this way without depending on the faces that own them.
     */
    static CommandLine command(String name) {
        for (CommandLineExtensions extension : ServiceLoader.load(CommandLineExtensions.class)) {
            if (extension.name().equals(name)) {
                return extension.newCommand();
            }
        }
        throw new IllegalStateException("no command '" + name + "' among the command-line extensions (META-INF/services)");
    }

    static void addTo(CommandLine root, Placement placement) {
        for (CommandLineExtensions extension : ServiceLoader.load(CommandLineExtensions.class)) {
            if (extension.placement() == placement) {
                root.addSubcommand(extension.name(), extension.newCommand());
            }
        }
    }
}
