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
        // Every literal of a statement that sets a password is masked, not only the one after PASSWORD.
        assertEquals("CREATE ROLE reader LOGIN PASSWORD '***' VALID UNTIL '***'",
                StatementExcerpt.of("CREATE ROLE reader LOGIN PASSWORD 'it''s-Hunter2' VALID UNTIL 'infinity'"));
        assertEquals("ALTER ROLE reader WITH password '***'", StatementExcerpt.of("ALTER ROLE reader WITH password E'Hunter2'"));
        assertEquals("CREATE USER MAPPING FOR app SERVER billing OPTIONS (user '***', password '***')",
                StatementExcerpt.of("CREATE USER MAPPING FOR app SERVER billing OPTIONS (user 'app', password 'Hunter2')"));
    }

    @Test
    void aLongStatementIsCutAtTwoHundredCharactersWithAnEllipsis() {
        String excerpt = StatementExcerpt.of("SELECT " + "x, ".repeat(200) + "y");
        assertEquals(StatementExcerpt.MAX_LENGTH, excerpt.length());
        assertTrue(excerpt.endsWith("…"));
    }
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "CREATE ROLE reader LOGIN PASSWORD $$Hunter2-secret$$",
            "CREATE ROLE reader LOGIN PASSWORD $pw$Hunter2-secret$pw$",
            "CREATE ROLE reader LOGIN PASSWORD U&'Hunter2-secret'",
            "CREATE ROLE reader LOGIN PASSWORD U&'Hunter2!002dsecret' UESCAPE '!'",
            "ALTER USER reader PASSWORD e'Hunter2-secret'",
            "ALTER ROLE reader ENCRYPTED PASSWORD 'Hunter2-secret' VALID UNTIL '2030-01-01'",
            "DO $$ BEGIN EXECUTE 'CREATE ROLE reader LOGIN PASSWORD ''Hunter2-secret'''; END $$",
            "DO $do$ BEGIN EXECUTE format('CREATE ROLE reader PASSWORD %L', 'Hunter2-secret'); END $do$",
            "DO LANGUAGE plpgsql $$ DECLARE pw text := 'Hunter2-secret'; BEGIN EXECUTE 'ALTER ROLE reader PASSWORD ' || quote_literal(pw); END $$",
            "DO $$ BEGIN EXECUTE $x$ALTER ROLE reader PASSWORD 'Hunter2-secret'$x$; END $$",
            "CREATE SERVER billing FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'db', password 'Hunter2-secret')",
            "SELECT 'Hunter2-secret' AS password_x, $$ unterminated password"})
    void noPasswordShowsWhateverItsQuotingOrNesting(String sql) {
        String excerpt = StatementExcerpt.of(sql);

        assertTrue(!excerpt.contains("Hunter2") && !excerpt.contains("secret"), excerpt);
    }

    @Test
    void nestedCodeStaysReadableAroundTheMask() {
        assertEquals("DO $$ BEGIN EXECUTE '***'; END $$",
                StatementExcerpt.of("DO $$ BEGIN EXECUTE 'CREATE ROLE reader LOGIN PASSWORD ''Hunter2'''; END $$"));
    }

    @Test
    void statementsThatSetNoPasswordKeepTheirLiterals() {
        assertEquals("UPDATE settings SET value = 'on' WHERE name = 'feature'",
                StatementExcerpt.of("UPDATE settings SET value = 'on' WHERE name = 'feature'"));
    }

    @Test
    void theLiteralsAfterPasswordAreTheSecretsToMaskElsewhere() {
        assertEquals(java.util.List.of("Hunter2-secret"), StatementExcerpt.passwordLiterals(
                "ALTER ROLE reader PASSWORD 'Hunter2-secret' VALID UNTIL '2030-01-01'"));
    }

    @Test
    void thePiecesBesideAPasswordStatementBuiltWithFormatAreSecretsToo() {
        assertEquals(java.util.List.of("Hunter2-secret"), StatementExcerpt.passwordLiterals(
                "DO $$ BEGIN EXECUTE format('ALTER ROLE reader PASSWORD %L', 'Hunter2-secret'); END $$"));
    }
}
