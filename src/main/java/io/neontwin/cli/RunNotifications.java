package io.neontwin.cli;

import io.neontwin.notify.Notifications;
import io.neontwin.notify.NotifySettings;
import io.neontwin.report.RunReport;
import io.neontwin.report.TwinReport;

import java.util.function.Consumer;

/** Notifications for any run's report, until io.neontwin.notify takes a RunReport itself. */
final class RunNotifications {
    private RunNotifications() {
    }

    static int notify(RunReport report, NotifySettings settings, Consumer<String> warnings) {
        // TODO(merge): replace the body with `return Notifications.deliver(report, settings, warnings);` once
        // Notifications.deliver takes a RunReport (reverse-notify branch); until then reverse-twin reports send nothing.
        if (report instanceof TwinReport twin) {
            return Notifications.deliver(twin, settings, warnings);
        }
        return 0;
    }
}
