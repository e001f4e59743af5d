package io.neontwin.reversetwin;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Excerpts of statements reach logs, job summaries and Slack: one line, no comments, never a password. */
class StatementExcerptTest {
    @Test
    void aStatementBecomesOneLineWithoutItsComments() {
        assertEquals("ALTER TABLE orders ADD COLUMN note text",
                StatementExcerpt.of("ALTER TABLE orders -- why\n  ADD COLUMN /* later */ note text"));
    }

    @Test
    void aPasswordLiteralIsShownAsStars() {
        assertEquals("CREATE ROLE reader LOGIN PASSWORD '***' VALID UNTIL 'infinity'",
                StatementExcerpt.of("CREATE ROLE reader LOGIN PASSWORD 'it''s-Hunter2' VALID UNTIL 'infinity'"));
        assertEquals("ALTER ROLE reader WITH password '***'", StatementExcerpt.of("ALTER ROLE reader WITH password E'Hunter2'"));
        assertEquals("CREATE USER MAPPING FOR app SERVER billing OPTIONS (user 'app', password '***')",
                StatementExcerpt.of("CREATE USER MAPPING FOR app SERVER billing OPTIONS (user 'app', password 'Hunter2')"));
    }

    @Test
    void aLongStatementIsCutAtTwoHundredCharactersWithAnEllipsis() {
        String excerpt = StatementExcerpt.of("SELECT " + "x, ".repeat(200) + "y");
        assertEquals(StatementExcerpt.MAX_LENGTH, excerpt.length());
        assertTrue(excerpt.endsWith("…"));
    }
}
