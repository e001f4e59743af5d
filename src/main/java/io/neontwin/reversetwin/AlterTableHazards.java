package io.neontwin.reversetwin;

import java.util.Set;

/**
 * The hazards of ALTER TABLE's actions (ALTER COLUMN ... TYPE, SET NOT NULL, ADD CONSTRAINT, DROP COLUMN,
 * RENAME, SET LOGGED...) and of renaming a view. Adding a plain column, or one with a constant default, is
 * instant since PostgreSQL 11 and not a hazard.
 */
final class AlterTableHazards {
    private AlterTableHazards() {
    }

    static void check(StatementTokens tokens, NewTables newTables, Set<HazardKind> found) {
        AlterTableTarget target = AlterTableTarget.of(tokens);
        if (target == null || newTables.contains(target.table())) {
            return;
        }
        if (!target.relationKind().equals("TABLE")) {
            if (tokens.isWord(target.actionsStart(), "RENAME") && !tokens.isWord(target.actionsStart() + 1, "CONSTRAINT")) {
                found.add(HazardKind.BREAKING_RENAME);
            }
            return;
        }
        int start = target.actionsStart();
        for (int i = start; i <= tokens.size(); i++) {
            if (i == tokens.size() || (tokens.depth(i) == 0 && tokens.isSymbol(i, ','))) {
                checkAction(tokens, start, i, found);
                start = i + 1;
            }
        }
    }

    /** One action, tokens from start to end (exclusive). */
    private static void checkAction(StatementTokens tokens, int start, int end, Set<HazardKind> found) {
        if (tokens.isWord(start, "ADD")) {
            ColumnOrConstraint.check(tokens, start + 1, end, found);
        } else if (tokens.isWord(start, "ALTER")) {
            checkAlterColumn(tokens, start + 1, end, found);
        } else if (tokens.isWord(start, "DROP") && !tokens.isWord(start + 1, "CONSTRAINT")) {
            found.add(HazardKind.DATA_LOSS);
        } else if (tokens.isWord(start, "RENAME") && !tokens.isWord(start + 1, "CONSTRAINT")) {
            found.add(HazardKind.BREAKING_RENAME);
        } else if (tokens.wordsAt(start, "SET", "LOGGED") || tokens.wordsAt(start, "SET", "UNLOGGED")
                || tokens.wordsAt(start, "SET", "TABLESPACE") || tokens.wordsAt(start, "SET", "ACCESS", "METHOD")) {
            found.add(HazardKind.TABLE_REWRITE);
        }
    }

    /** ALTER [COLUMN] name TYPE / SET DATA TYPE / SET EXPRESSION AS rewrite; SET NOT NULL scans. */
    private static void checkAlterColumn(StatementTokens tokens, int start, int end, Set<HazardKind> found) {
        int index = tokens.isWord(start, "COLUMN") ? start + 1 : start;
        int change = index + 1;
        if (change >= end) {
            return;
        }
        if (tokens.isWord(change, "TYPE") || tokens.wordsAt(change, "SET", "DATA", "TYPE")
                || tokens.wordsAt(change, "SET", "EXPRESSION")) {
            found.add(HazardKind.TABLE_REWRITE);
        } else if (tokens.wordsAt(change, "SET", "NOT", "NULL")) {
            found.add(HazardKind.FULL_SCAN_UNDER_LOCK);
        }
    }
}
