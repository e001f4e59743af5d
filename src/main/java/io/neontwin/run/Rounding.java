package io.neontwin.run;

/** Seconds in reports are kept to the millisecond. */
public final class Rounding {
    private Rounding() {
    }

    public static double millis(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
