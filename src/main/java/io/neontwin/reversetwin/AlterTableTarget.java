package io.neontwin.reversetwin;

/**
 * The relation an ALTER TABLE / ALTER VIEW / ALTER MATERIALIZED VIEW names, and where its actions start:
 * ALTER TABLE [IF EXISTS] [ONLY] name [*] action [, ...].
 */
record AlterTableTarget(String relationKind, TableName table, int actionsStart) {

    /** null for any other statement */
    static AlterTableTarget of(StatementTokens tokens) {
        int index;
        String kind;
        if (tokens.startsWith("ALTER", "TABLE")) {
            kind = "TABLE";
            index = 2;
        } else if (tokens.startsWith("ALTER", "VIEW")) {
            kind = "VIEW";
            index = 2;
        } else if (tokens.startsWith("ALTER", "MATERIALIZED", "VIEW")) {
            kind = "MATERIALIZED VIEW";
            index = 3;
        } else {
            return null;
        }
        if (tokens.wordsAt(index, "IF", "EXISTS")) {
            index += 2;
        }
        if (tokens.isWord(index, "ONLY")) {
            index++;
        }
        TableName.Parsed name = TableName.parse(tokens, index);
        if (name == null) {
            return null;
        }
        int actions = tokens.isSymbol(name.next(), '*') ? name.next() + 1 : name.next();
        return new AlterTableTarget(kind, name.table(), actions);
    }
}
