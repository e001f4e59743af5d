package io.neontwin.reversetwin;

/**
 * What a REINDEX [(options)] {INDEX | TABLE | SCHEMA | DATABASE | SYSTEM} [CONCURRENTLY] name rebuilds, and whether
 * concurrently. CONCURRENTLY may also be an option in the list (PostgreSQL 14+): REINDEX (CONCURRENTLY) TABLE t.
 *
 * @param concurrentlyFrom index of the first token that asks for CONCURRENTLY (the keyword, or the whole option
 *                         with its separating comma), -1 when none
 * @param concurrentlyTo   index just past the last such token
 */
record ReindexTarget(boolean wholeSchemaOrMore, int concurrentlyFrom, int concurrentlyTo) {

    static ReindexTarget of(StatementTokens tokens) {
        int kindIndex = tokens.skipParentheses(1);
        boolean wide = tokens.isWord(kindIndex, "SCHEMA") || tokens.isWord(kindIndex, "DATABASE")
                || tokens.isWord(kindIndex, "SYSTEM");
        if (tokens.isWord(kindIndex + 1, "CONCURRENTLY")) {
            return new ReindexTarget(wide, kindIndex + 1, kindIndex + 2);
        }
        return concurrentlyOption(tokens, kindIndex, wide);
    }

    /** Finds CONCURRENTLY [true|on|1] among the options; CONCURRENTLY false/off/0 asks for no concurrency. */
    private static ReindexTarget concurrentlyOption(StatementTokens tokens, int optionsEnd, boolean wide) {
        if (!tokens.isSymbol(1, '(')) {
            return new ReindexTarget(wide, -1, -1);
        }
        int optionStart = 2;
        for (int i = 2; i < optionsEnd; i++) {
            boolean optionEnds = i == optionsEnd - 1 || (tokens.depth(i) == 1 && tokens.isSymbol(i, ','));
            if (!optionEnds) {
                continue;
            }
            if (tokens.isWord(optionStart, "CONCURRENTLY") && !switchedOff(tokens, optionStart + 1, i)) {
                return withoutOption(tokens, optionStart, i, optionsEnd, wide);
            }
            optionStart = i + 1;
        }
        return new ReindexTarget(wide, -1, -1);
    }

    private static boolean switchedOff(StatementTokens tokens, int valueIndex, int optionEnd) {
        if (valueIndex >= optionEnd) {
            return false;
        }
        String value = tokens.get(valueIndex).text().replace("'", "");
        return value.equalsIgnoreCase("false") || value.equalsIgnoreCase("off") || value.equals("0");
    }

    /** The option and one comma next to it; the whole list, parentheses included, when it is the only option. */
    private static ReindexTarget withoutOption(StatementTokens tokens, int start, int separator, int optionsEnd,
                                               boolean wide) {
        boolean first = start == 2;
        boolean last = separator == optionsEnd - 1;
        if (first && last) {
            return new ReindexTarget(wide, 1, optionsEnd);
        }
        return last ? new ReindexTarget(wide, start - 1, separator) : new ReindexTarget(wide, start, separator + 1);
    }

    boolean concurrently() {
        return concurrentlyFrom >= 0;
    }

    StatementKind kind() {
        if (wholeSchemaOrMore) {
            // REINDEX SCHEMA/DATABASE/SYSTEM refuse a transaction block even without CONCURRENTLY
            return StatementKind.NO_TRANSACTION;
        }
        return concurrently() ? StatementKind.CONCURRENT_INDEX : StatementKind.TRANSACTIONAL;
    }
}
