package io.neontwin.twin;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Patterns follow pg_dump's -t rules, so --exclude-table-data matches what users expect from pg_dump. */
class NamePatternTest {
    @Test
    void aBareNameMatchesThatTableInAnySchema() {
        assertTrue(NamePattern.parse("events").matches("public", "events"));
        assertTrue(NamePattern.parse("events").matches("audit", "events"));
        assertFalse(NamePattern.parse("events").matches("public", "events_2024"));
    }

    @Test
    void wildcardsAndSchemasNarrowTheMatch() {
        assertTrue(NamePattern.parse("public.events_*").matches("public", "events_2024"));
        assertFalse(NamePattern.parse("public.events_*").matches("audit", "events_2024"));
        assertTrue(NamePattern.parse("log_?").matches("public", "log_a"));
    }

    @Test
    void unquotedNamesFoldToLowerCaseAndQuotedOnesKeepCase() {
        assertTrue(NamePattern.parse("Events").matches("public", "events"));
        assertFalse(NamePattern.parse("\"Events\"").matches("public", "events"));
        assertTrue(NamePattern.parse("\"Sales Ω\".\"Order Lines\"").matches("Sales Ω", "Order Lines"));
        assertFalse(NamePattern.parse("\"a*\"").matches("public", "abc"), "a quoted * is a literal star");
    }
}
