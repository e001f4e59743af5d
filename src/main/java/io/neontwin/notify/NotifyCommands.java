package io.neontwin.notify;

import io.neontwin.cli.CommandLineExtensions;
import picocli.CommandLine;

/** Adds {@code notify-test} to the command tree (registered in META-INF/services). */
public final class NotifyCommands implements CommandLineExtensions {
    @Override
    public void extend(CommandLine root) {
        root.addSubcommand(new NotifyTestCommand());
    }
}
