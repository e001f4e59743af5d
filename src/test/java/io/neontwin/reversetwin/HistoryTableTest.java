package io.neontwin.reversetwin;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --history-table is read as PostgreSQL reads a table name, and only a table name gets into SQL text. */
class HistoryTableTest {
    @Test
    void theDefaultIsASchemaQualifiedNameQuotedForSql() {
        HistoryTable table = HistoryTable.parse(ReverseTwinOptions.DEFAULT_HISTORY_TABLE);

        assertEquals("neon_twin", table.schema());
        assertEquals("schema_migrations", table.name());
        assertEquals("\"neon_twin\".\"schema_migrations\"", table.qualified());
    }

    @Test
    void unquotedNamesFoldToLowerCaseAndANameAloneIsInPublic() {
        HistoryTable table = HistoryTable.parse("Schema_Migrations");

        assertEquals("public", table.schema());
        assertEquals("schema_migrations", table.name());
        assertEquals("Schema_Migrations", table.display());
    }

    @Test
    void quotedNamesKeepTheirCaseDotsAndQuotes() {
        HistoryTable table = HistoryTable.parse("\"Ops.Data\".\"Migrations \"\"log\"\"\"");

        assertEquals("Ops.Data", table.schema());
        assertEquals("Migrations \"log\"", table.name());
        assertEquals("\"Ops.Data\".\"Migrations \"\"log\"\"\"", table.qualified());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a.b.c", "migrations; DROP TABLE accounts", "neon_twin.", "1history", "\"unclosed", "a .b"})
    void anythingButOneOrTwoIdentifiersIsRefused(String text) {
        UserError error = assertThrows(UserError.class, () -> HistoryTable.parse(text));

        assertEquals(ExitCode.INVALID_INPUT, error.exitCode());
        assertTrue(error.getMessage().contains("is not a valid table name"), error.getMessage());
    }
}
