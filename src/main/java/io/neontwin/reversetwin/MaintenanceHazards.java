package io.neontwin.reversetwin;

import java.util.List;
import java.util.Set;

/** LOCK TABLE, REFRESH MATERIALIZED VIEW without CONCURRENTLY, VACUUM FULL and CLUSTER. */
final class MaintenanceHazards {
    /** Lock modes that conflict with neither plain reads nor plain writes. */
    private static final List<String> HARMLESS_LOCK_MODES = List.of("access share", "row share", "row exclusive");

    private MaintenanceHazards() {
    }

    static void check(StatementTokens tokens, NewTables newTables, Set<HazardKind> found) {
        if (tokens.startsWith("LOCK")) {
            int names = tokens.isWord(1, "TABLE") ? 2 : 1;
            if (!newTables.containsAll(TableList.from(tokens, names)) && !HARMLESS_LOCK_MODES.contains(lockMode(tokens))) {
                found.add(HazardKind.EXCLUSIVE_LOCK);
            }
        } else if (tokens.startsWith("REFRESH", "MATERIALIZED", "VIEW") && !tokens.isWord(3, "CONCURRENTLY")) {
            TableName.Parsed view = TableName.parse(tokens, 3);
            if (view == null || !newTables.contains(view.table())) {
                found.add(HazardKind.EXCLUSIVE_LOCK);
            }
        } else if (tokens.startsWith("VACUUM") && vacuumsFull(tokens)) {
            found.add(HazardKind.TABLE_REWRITE);
        } else if (tokens.startsWith("CLUSTER") && !clustersNewTable(tokens, newTables)) {
            found.add(HazardKind.TABLE_REWRITE);
        }
    }

    /** The words between IN and MODE ("share row exclusive"); access exclusive when the statement names none. */
    private static String lockMode(StatementTokens tokens) {
        int in = tokens.find(1, 0, "IN");
        int mode = tokens.find(in + 1, 0, "MODE");
        if (in < 0 || mode < 0) {
            return "access exclusive";
        }
        StringBuilder words = new StringBuilder();
        for (int i = in + 1; i < mode; i++) {
            words.append(words.isEmpty() ? "" : " ").append(tokens.get(i).folded());
        }
        return words.toString();
    }

    /** VACUUM FULL ..., or VACUUM (FULL [true], ...) ... */
    private static boolean vacuumsFull(StatementTokens tokens) {
        if (tokens.isWord(1, "FULL")) {
            return true;
        }
        int optionsEnd = tokens.skipParentheses(1);
        for (int i = 2; i < optionsEnd; i++) {
            if (tokens.isWord(i, "FULL") && tokens.depth(i) == 1) {
                return !(tokens.isWord(i + 1, "FALSE") || tokens.isWord(i + 1, "OFF")
                        || (i + 1 < tokens.size() && tokens.get(i + 1).text().equals("0")));
            }
        }
        return false;
    }

    /** CLUSTER [VERBOSE] [(options)] table [USING index], or the old CLUSTER index ON table. */
    private static boolean clustersNewTable(StatementTokens tokens, NewTables newTables) {
        int index = tokens.skipParentheses(tokens.isWord(1, "VERBOSE") ? 2 : 1);
        TableName.Parsed name = TableName.parse(tokens, index);
        if (name == null) {
            return false;
        }
        if (tokens.isWord(name.next(), "ON")) {
            name = TableName.parse(tokens, name.next() + 1);
        }
        return name != null && newTables.contains(name.table());
    }
}
