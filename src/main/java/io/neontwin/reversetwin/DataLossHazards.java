package io.neontwin.reversetwin;

import java.util.List;
import java.util.Set;

/**
 * DROP TABLE, DROP SCHEMA ... CASCADE, TRUNCATE, and DELETE or UPDATE without WHERE. (DROP COLUMN is read with the
 * other ALTER TABLE actions.) A materialized view is not counted: its rows are derived and a REFRESH brings them back.
 */
final class DataLossHazards {
    private static final List<String> MAIN_VERBS = List.of("select", "insert", "update", "delete", "merge", "values",
            "table");

    private DataLossHazards() {
    }

    static void check(StatementTokens tokens, NewTables newTables, Set<HazardKind> found) {
        if (tokens.startsWith("DROP", "TABLE")) {
            int names = tokens.wordsAt(2, "IF", "EXISTS") ? 4 : 2;
            if (!newTables.containsAll(TableList.from(tokens, names))) {
                found.add(HazardKind.DATA_LOSS);
            }
        } else if (tokens.startsWith("DROP", "SCHEMA")) {
            // without CASCADE, DROP SCHEMA fails on a schema that still holds anything
            if (tokens.hasTopLevelWord(2, "CASCADE")) {
                found.add(HazardKind.DATA_LOSS);
            }
        } else if (tokens.startsWith("TRUNCATE")) {
            int names = tokens.isWord(1, "TABLE") ? 2 : 1;
            if (!newTables.containsAll(TableList.from(tokens, names))) {
                found.add(HazardKind.DATA_LOSS);
            }
        } else {
            checkWholeTableChange(tokens, newTables, found);
        }
    }

    /** DELETE FROM [ONLY] t ... and UPDATE [ONLY] t ... with no WHERE of their own (one in a subquery does not count). */
    private static void checkWholeTableChange(StatementTokens tokens, NewTables newTables, Set<HazardKind> found) {
        int verb = mainVerb(tokens);
        int target;
        if (tokens.wordsAt(verb, "DELETE", "FROM")) {
            target = verb + 2;
        } else if (tokens.isWord(verb, "UPDATE")) {
            target = verb + 1;
        } else {
            return;
        }
        if (tokens.isWord(target, "ONLY")) {
            target++;
        }
        TableName.Parsed table = TableName.parse(tokens, target);
        boolean onNewTable = table != null && newTables.contains(table.table());
        if (!onNewTable && !tokens.hasTopLevelWord(target, "WHERE")) {
            found.add(HazardKind.DATA_LOSS);
        }
    }

    /** The statement's own verb, after any WITH ... AS (...) queries (their bodies are inside parentheses). */
    private static int mainVerb(StatementTokens tokens) {
        if (!tokens.startsWith("WITH")) {
            return 0;
        }
        for (int i = 1; i < tokens.size(); i++) {
            if (tokens.depth(i) == 0 && tokens.get(i).type() == SqlToken.Type.WORD
                    && MAIN_VERBS.contains(tokens.get(i).folded())) {
                return i;
            }
        }
        return -1;
    }
}
