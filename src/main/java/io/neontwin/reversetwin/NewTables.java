package io.neontwin.reversetwin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The tables and materialized views a migration created before the statement at hand. Nothing uses them yet and
 * they hold no rows but the migration's own, so locking, rewriting or emptying them risks nothing.
 */
final class NewTables {
    private final List<TableName> created = new ArrayList<>();

    /**
     * Notes the relation a CREATE TABLE or CREATE MATERIALIZED VIEW makes, and the new name of a new one renamed.
     * With IF NOT EXISTS the relation may well exist already, with rows and users: it is not noted.
     */
    void record(StatementTokens tokens) {
        int name = createdNameIndex(tokens);
        if (name > 0 && !tokens.wordsAt(name, "IF", "NOT", "EXISTS")) {
            TableName.Parsed parsed = TableName.parse(tokens, name);
            if (parsed != null) {
                created.add(parsed.table());
            }
        }
        AlterTableTarget target = AlterTableTarget.of(tokens);
        if (target != null && contains(target.table()) && tokens.isWord(target.actionsStart(), "RENAME")
                && tokens.isWord(target.actionsStart() + 1, "TO")) {
            TableName.Parsed renamed = TableName.parse(tokens, target.actionsStart() + 2);
            if (renamed != null) {
                created.add(new TableName(target.table().schema(), renamed.table().name()));
            }
        }
    }

    /** The index of the name in CREATE [GLOBAL|LOCAL] [TEMP|TEMPORARY|UNLOGGED] TABLE name / MATERIALIZED VIEW, or -1. */
    private static int createdNameIndex(StatementTokens tokens) {
        if (!tokens.startsWith("CREATE")) {
            return -1;
        }
        int index = 1;
        while (tokens.isWord(index, "GLOBAL") || tokens.isWord(index, "LOCAL") || tokens.isWord(index, "TEMP")
                || tokens.isWord(index, "TEMPORARY") || tokens.isWord(index, "UNLOGGED")) {
            index++;
        }
        if (tokens.isWord(index, "TABLE")) {
            return index + 1;
        }
        return tokens.wordsAt(index, "MATERIALIZED", "VIEW") ? index + 2 : -1;
    }

    boolean contains(TableName table) {
        return created.stream().anyMatch(table::sameTableAs);
    }

    /** True when every one of them is new (and there is at least one). */
    boolean containsAll(Collection<TableName> tables) {
        return !tables.isEmpty() && tables.stream().allMatch(this::contains);
    }
}
