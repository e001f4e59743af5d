package io.neontwin.twin;

/** A snapshot of the data phase's progress, for progress lines and bars. */
public record DataProgress(int tablesDone, int tablesTotal, long rowsDone, long bytesDone, long bytesExpected,
                           double elapsedSeconds) {

    public double megabytesPerSecond() {
        return elapsedSeconds <= 0 ? 0 : bytesDone / 1e6 / elapsedSeconds;
    }

    /** Seconds left at the current rate, or -1 when it cannot be told yet. */
    public long etaSeconds() {
        if (bytesDone <= 0 || bytesExpected <= bytesDone) {
            return bytesDone > 0 ? 0 : -1;
        }
        return Math.round((bytesExpected - bytesDone) / (bytesDone / elapsedSeconds));
    }

    /** 0..1; estimated bytes come from production's table sizes, so this is approximate. */
    public double fraction() {
        if (bytesExpected <= 0) {
            return tablesTotal == 0 ? 1 : (double) tablesDone / tablesTotal;
        }
        return Math.min(1.0, (double) bytesDone / bytesExpected);
    }
}
