package io.neontwin.notify;

import io.neontwin.report.TwinReport;

import java.util.function.Consumer;

/** The one entry point every face (the CLI, the GitHub Action) calls after a run. */
public final class Notifications {
    private Notifications() {
    }

    /**
     * Sends what the settings ask for. Problems become warnings; returns the exit code the notification adds:
     * 0, or {@code ExitCode.NOTIFY_FAILED} when a required delivery failed.
     */
    public static int deliver(TwinReport report, NotifySettings settings, Consumer<String> warnings) {
        return Notifier.standard().deliver(report, settings, warnings);
    }
}
