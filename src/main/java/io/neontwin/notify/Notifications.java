package io.neontwin.notify;

import io.neontwin.report.RunReport;

import java.util.function.Consumer;

/** The one entry point every face (the CLI, the GitHub Action) calls after a run. */
public final class Notifications {
    private Notifications() {
    }

    /**
     * Sends what the settings ask for. Problems become warnings; returns the exit code the notification adds:
     * 0, or {@code ExitCode.NOTIFY_FAILED} when a required delivery failed. Any run, twin or reverse twin: the
     * report's type picks the Slack message, and the webhook receives the report's JSON, whose {@code kind} field
     * says which it is.
     */
    public static int deliver(RunReport report, NotifySettings settings, Consumer<String> warnings) {
        return Notifier.standard().deliver(report, settings, warnings);
    }
}
