package io.neontwin.reversetwin;

import java.util.Set;

/** CREATE INDEX without CONCURRENTLY blocks writes for the whole build; REINDEX without it blocks them too. */
final class IndexHazards {
    private IndexHazards() {
    }

    static void check(StatementTokens tokens, NewTables newTables, Set<HazardKind> found) {
        int indexWord = tokens.isWord(1, "UNIQUE") ? 2 : 1;
        if (tokens.startsWith("CREATE") && tokens.isWord(indexWord, "INDEX")) {
            if (!tokens.isWord(indexWord + 1, "CONCURRENTLY") && !onNewTable(tokens, indexWord, newTables)) {
                found.add(HazardKind.INDEX_WITHOUT_CONCURRENTLY);
            }
        } else if (tokens.startsWith("REINDEX") && !ReindexTarget.of(tokens).concurrently()
                && !reindexesNewTable(tokens, newTables)) {
            found.add(HazardKind.EXCLUSIVE_LOCK);
        }
    }

    /** CREATE INDEX ... ON [ONLY] table */
    private static boolean onNewTable(StatementTokens tokens, int indexWord, NewTables newTables) {
        int on = tokens.find(indexWord + 1, 0, "ON");
        if (on < 0) {
            return false;
        }
        int name = tokens.isWord(on + 1, "ONLY") ? on + 2 : on + 1;
        TableName.Parsed table = TableName.parse(tokens, name);
        return table != null && newTables.contains(table.table());
    }

    /** REINDEX [(options)] TABLE [CONCURRENTLY] table */
    private static boolean reindexesNewTable(StatementTokens tokens, NewTables newTables) {
        int kind = tokens.skipParentheses(1);
        if (!tokens.isWord(kind, "TABLE")) {
            return false;
        }
        TableName.Parsed table = TableName.parse(tokens, kind + 1);
        return table != null && newTables.contains(table.table());
    }
}
