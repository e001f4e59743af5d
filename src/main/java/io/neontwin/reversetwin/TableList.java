package io.neontwin.reversetwin;

import java.util.ArrayList;
import java.util.List;

/** The comma-separated relations of DROP TABLE, TRUNCATE and LOCK: [ONLY] name [*] [, ...]. */
final class TableList {
    private TableList() {
    }

    static List<TableName> from(StatementTokens tokens, int index) {
        List<TableName> tables = new ArrayList<>();
        int next = index;
        while (true) {
            if (tokens.isWord(next, "ONLY")) {
                next++;
            }
            TableName.Parsed table = TableName.parse(tokens, next);
            if (table == null) {
                return tables;
            }
            tables.add(table.table());
            next = tokens.isSymbol(table.next(), '*') ? table.next() + 1 : table.next();
            if (!tokens.isSymbol(next, ',')) {
                return tables;
            }
            next++;
        }
    }
}
