package io.neontwin.reversetwin;

import java.util.Set;

/** The hazards of an ALTER TABLE ... ADD action: a table constraint, or a column with its inline constraints. */
final class ColumnOrConstraint {
    /**
     * Functions whose value differs row by row: as a new column's default, every existing row must be written.
     * now() and CURRENT_TIMESTAMP are stable (one value per statement), so a default of now() is instant.
     */
    private static final Set<String> VOLATILE_FUNCTIONS = Set.of("random", "gen_random_uuid", "uuid_generate_v1",
            "uuid_generate_v1mc", "uuid_generate_v4", "uuidv4", "uuidv7", "clock_timestamp", "timeofday", "nextval");
    /** Their default is nextval(), so every existing row gets its own value. */
    private static final Set<String> SERIAL_TYPES = Set.of("smallserial", "serial", "bigserial", "serial2", "serial4",
            "serial8");

    private ColumnOrConstraint() {
    }

    /** Tokens from start (just after ADD) to end (exclusive). */
    static void check(StatementTokens tokens, int start, int end, Set<HazardKind> found) {
        int index = start;
        if (tokens.isWord(index, "CONSTRAINT")) {
            index += 2;
        }
        if (isConstraintStart(tokens, index)) {
            checkConstraint(tokens, index, end, found);
            return;
        }
        if (tokens.isWord(index, "COLUMN")) {
            index++;
        }
        if (tokens.wordsAt(index, "IF", "NOT", "EXISTS")) {
            index += 3;
        }
        checkColumn(tokens, index, end, found);
    }

    private static boolean isConstraintStart(StatementTokens tokens, int index) {
        return tokens.isWord(index, "CHECK") || tokens.wordsAt(index, "FOREIGN", "KEY") || tokens.isWord(index, "UNIQUE")
                || tokens.wordsAt(index, "PRIMARY", "KEY") || tokens.isWord(index, "EXCLUDE");
    }

    /** CHECK and FOREIGN KEY scan unless NOT VALID; UNIQUE and PRIMARY KEY build an index unless USING INDEX one. */
    private static void checkConstraint(StatementTokens tokens, int index, int end, Set<HazardKind> found) {
        if (tokens.isWord(index, "CHECK") || tokens.isWord(index, "FOREIGN")) {
            if (!hasWords(tokens, index, end, "NOT", "VALID")) {
                found.add(HazardKind.FULL_SCAN_UNDER_LOCK);
            }
            return;
        }
        int afterKeyword = tokens.isWord(index, "PRIMARY") ? index + 2 : index + 1;
        // USING INDEX TABLESPACE only says where a new index goes; USING INDEX name adopts an index already built
        boolean adoptsIndex = tokens.wordsAt(afterKeyword, "USING", "INDEX")
                && !tokens.isWord(afterKeyword + 2, "TABLESPACE");
        if (!adoptsIndex) {
            found.add(HazardKind.FULL_SCAN_UNDER_LOCK);
        }
    }

    /** A new column: name, type, then its default, generation and inline constraints. */
    private static void checkColumn(StatementTokens tokens, int nameIndex, int end, Set<HazardKind> found) {
        int typeIndex = nameIndex + 1;
        if (typeIndex < end && tokens.get(typeIndex).type() == SqlToken.Type.WORD
                && SERIAL_TYPES.contains(tokens.get(typeIndex).folded())) {
            found.add(HazardKind.TABLE_REWRITE);
        }
        for (int i = typeIndex; i < end; i++) {
            if (isVolatileCall(tokens, i) || rewritingGeneration(tokens, i, end)) {
                found.add(HazardKind.TABLE_REWRITE);
            }
            if (tokens.depth(i) == 0 && scanningConstraint(tokens, nameIndex, i, end)) {
                found.add(HazardKind.FULL_SCAN_UNDER_LOCK);
            }
        }
    }

    private static boolean isVolatileCall(StatementTokens tokens, int index) {
        SqlToken token = tokens.get(index);
        return token.type() == SqlToken.Type.WORD && tokens.isSymbol(index + 1, '(')
                && VOLATILE_FUNCTIONS.contains(token.folded());
    }

    /**
     * An identity column, or a STORED generated one, computes a value for every existing row; a VIRTUAL one
     * (PostgreSQL 18, and its default there) computes it on read.
     */
    private static boolean rewritingGeneration(StatementTokens tokens, int index, int end) {
        if (!tokens.isWord(index, "GENERATED") || tokens.depth(index) != 0) {
            return false;
        }
        return hasWords(tokens, index, end, "IDENTITY") || hasWords(tokens, index, end, "STORED");
    }

    /**
     * Inline CHECK, UNIQUE and PRIMARY KEY check or index every existing row. An inline REFERENCES is not checked
     * against the existing rows when the new column has no default (they are all NULL), only when it has one.
     */
    private static boolean scanningConstraint(StatementTokens tokens, int nameIndex, int index, int end) {
        if (tokens.isWord(index, "CHECK") || tokens.isWord(index, "UNIQUE") || tokens.wordsAt(index, "PRIMARY", "KEY")) {
            return true;
        }
        return tokens.isWord(index, "REFERENCES") && hasWords(tokens, nameIndex, end, "DEFAULT");
    }

    private static boolean hasWords(StatementTokens tokens, int from, int end, String... words) {
        int found = tokens.find(from, 0, words);
        return found >= 0 && found < end;
    }
}
