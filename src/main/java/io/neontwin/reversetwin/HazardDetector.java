package io.neontwin.reversetwin;

import io.neontwin.report.Hazard;

import java.util.List;

/** Reads a migration's statements for what they risk on a live production database. */
public final class HazardDetector {
    private HazardDetector() {
    }

    public static List<Hazard> detect(Migration migration) {
        throw new UnsupportedOperationException("being built");
    }
}
