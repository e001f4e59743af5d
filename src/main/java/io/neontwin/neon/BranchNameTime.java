package io.neontwin.neon;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The time in the names of the branches neon-twin makes (UTC, to the second): names that sort as times do. */
final class BranchNameTime {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private BranchNameTime() {
    }

    static String of(Instant instant) {
        return FORMAT.format(instant);
    }
}
