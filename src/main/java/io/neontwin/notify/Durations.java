package io.neontwin.notify;

import java.util.Locale;

/** Durations as people read them in a chat message: "0.4s", "12s", "1m 23s", "2h 05m". */
final class Durations {
    private Durations() {
    }

    static String human(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "unknown";
        }
        if (seconds < 10) {
            // short phases (preflight, swap) would all read "0s" when rounded to whole seconds
            return String.format(Locale.ROOT, "%.1fs", seconds);
        }
        long whole = Math.round(seconds);
        if (whole < 60) {
            return whole + "s";
        }
        if (whole < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", whole / 60, whole % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", whole / 3600, whole / 60 % 60);
    }
}
