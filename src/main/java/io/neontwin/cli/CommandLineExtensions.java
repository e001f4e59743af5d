package io.neontwin.cli;

import picocli.CommandLine;

import java.util.ServiceLoader;

/**
 * Commands that live in other packages (the GitHub adapter's {@code action}, {@code notify-test}, {@code init})
 * join the command tree here, so that the CLI package does not depend on every face.
 */
public interface CommandLineExtensions {
    /** Adds subcommands to the root command. */
    void extend(CommandLine root);

    static void addTo(CommandLine root) {
        for (CommandLineExtensions extension : ServiceLoader.load(CommandLineExtensions.class)) {
            extension.extend(root);
        }
    }
}
