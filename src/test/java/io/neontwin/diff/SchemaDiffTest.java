package io.neontwin.diff;

import io.neontwin.report.Hazard;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The diff as a file and as runs of statements, apart from any database. */
class SchemaDiffTest {
    private static final DiffStatement ADD = new DiffStatement("ALTER TABLE t ADD COLUMN c integer;", true, List.of());
    private static final DiffStatement INDEX = new DiffStatement("CREATE INDEX CONCURRENTLY i ON t (c);", false, List.of());
    private static final DiffStatement DROP = new DiffStatement("DROP TABLE u;", true,
            List.of(new Hazard("1", "diff.sql", 5, "data-loss", "DROP TABLE u", "Deletes data.", "Back it up.")));

    @Test
    void statementsThatMustRunAloneSplitTheRunsInOrder() {
        SchemaDiff diff = new SchemaDiff(List.of(ADD, ADD, INDEX, DROP));

        assertEquals(List.of(List.of(ADD, ADD), List.of(INDEX), List.of(DROP)), diff.runs());
    }

    @Test
    void theFileMarksHazardsAndStatementsOutsideATransaction() {
        String script = new SchemaDiff(List.of(ADD, INDEX, DROP)).script("makes a match b.");

        assertEquals("""
                -- makes a match b.
                -- 3 statements; 1 must run outside a transaction (marked).

                ALTER TABLE t ADD COLUMN c integer;

                -- outside a transaction
                CREATE INDEX CONCURRENTLY i ON t (c);

                -- hazard data-loss: Deletes data.
                DROP TABLE u;
                """, script);
    }

    @Test
    void anEmptyDiffSaysSo() {
        assertEquals("-- makes a match b.\n-- No differences: nothing to do.\n", new SchemaDiff(List.of()).script("makes a match b."));
    }
}
