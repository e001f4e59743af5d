package io.neontwin.twin;

/** A snapshot of the data phase's progress, for progress lines and bars. */
public record DataProgress(int tablesDone, int tablesTotal, long rowsDone, long bytesDone, long bytesExpected,
                           double elapsedSeconds) {

    public double megabytesPerSecond() {
        return elapsedSeconds <= 0 ? 0 : bytesDone / 1e6 / elapsedSeconds;
    }

    /** Seconds left at the current rate, or -1 when it cannot be told yet. */
    public long etaSeconds() {
        if (done()) {
            return 0;
        }
        if (bytesDone <= 0 || bytesExpected <= bytesDone) {
            return bytesDone > 0 ? 0 : -1;
        }
        return Math.round((bytesExpected - bytesDone) / (bytesDone / elapsedSeconds));
    }

    /** Every table is copied (on-disk sizes only estimate the wire bytes, so bytes alone cannot tell). */
    public boolean done() {
        return tablesTotal > 0 && tablesDone == tablesTotal;
    }

    /** 0..1; estimated bytes come from production's table sizes, so this is approximate. */
    public double fraction() {
        if (done()) {
            return 1;
        }
        if (bytesExpected <= 0) {
            return tablesTotal == 0 ? 1 : (double) tablesDone / tablesTotal;
        }
        return Math.min(1.0, (double) bytesDone / bytesExpected);
    }
}
