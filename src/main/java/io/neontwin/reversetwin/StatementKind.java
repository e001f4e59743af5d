package io.neontwin.reversetwin;

/** How a statement relates to transactions, which decides how the engine runs it on production and in the rehearsal. */
public enum StatementKind {
    /** Runs inside a transaction block, like most SQL. */
    TRANSACTIONAL,
    /**
     * CREATE INDEX CONCURRENTLY, DROP INDEX CONCURRENTLY, REINDEX ... CONCURRENTLY: refused inside a transaction
     * block, but the same statement without CONCURRENTLY has the same end result and is allowed in one.
     */
    CONCURRENT_INDEX,
    /**
     * Refused inside a transaction block and with no transactional equivalent: VACUUM, CREATE/DROP DATABASE,
     * CREATE/DROP TABLESPACE, ALTER SYSTEM, ALTER DATABASE ... SET TABLESPACE, CLUSTER without a table,
     * REINDEX SCHEMA/DATABASE/SYSTEM, CREATE/DROP SUBSCRIPTION.
     */
    NO_TRANSACTION,
    /** BEGIN, START TRANSACTION: opens a transaction. */
    TRANSACTION_START,
    /** COMMIT, END: ends the open transaction, keeping its work. */
    TRANSACTION_END,
    /** Any other transaction control: ROLLBACK, ABORT, SAVEPOINT, RELEASE, PREPARE TRANSACTION, COMMIT PREPARED... */
    TRANSACTION_CONTROL;

    /** Reads the statement's leading keywords (comments skipped, case ignored, strings never mistaken for keywords). */
    public static StatementKind of(SqlStatement statement) {
        return of(StatementTokens.of(statement));
    }

    static StatementKind of(StatementTokens tokens) {
        if (tokens.startsWith("CREATE") || tokens.startsWith("DROP")) {
            return ofCreateOrDrop(tokens);
        }
        if (tokens.startsWith("REINDEX")) {
            return ReindexTarget.of(tokens).kind();
        }
        if (tokens.startsWith("VACUUM") || tokens.startsWith("ALTER", "SYSTEM")
                || (tokens.startsWith("ALTER", "DATABASE") && tokens.find(3, 0, "SET", "TABLESPACE") >= 0)
                || (tokens.startsWith("CLUSTER") && !clustersATable(tokens))) {
            return NO_TRANSACTION;
        }
        return ofTransactionControl(tokens);
    }

    private static StatementKind ofCreateOrDrop(StatementTokens tokens) {
        if (tokens.wordsAt(1, "DATABASE") || tokens.wordsAt(1, "TABLESPACE") || tokens.wordsAt(1, "SUBSCRIPTION")) {
            return NO_TRANSACTION;
        }
        int index = tokens.isWord(1, "UNIQUE") && tokens.startsWith("CREATE") ? 2 : 1;
        return tokens.wordsAt(index, "INDEX", "CONCURRENTLY") ? CONCURRENT_INDEX : TRANSACTIONAL;
    }

    /** CLUSTER [VERBOSE] [(options)] [table]: without a table it reclusters every table and refuses a transaction. */
    private static boolean clustersATable(StatementTokens tokens) {
        int index = 1;
        if (tokens.isWord(index, "VERBOSE")) {
            index++;
        }
        return tokens.skipParentheses(index) < tokens.size();
    }

    private static StatementKind ofTransactionControl(StatementTokens tokens) {
        if (tokens.startsWith("BEGIN") || tokens.startsWith("START", "TRANSACTION")) {
            return TRANSACTION_START;
        }
        if ((tokens.startsWith("COMMIT") && !tokens.isWord(1, "PREPARED")) || tokens.startsWith("END")) {
            return TRANSACTION_END;
        }
        if (tokens.startsWith("COMMIT") || tokens.startsWith("ROLLBACK") || tokens.startsWith("ABORT")
                || tokens.startsWith("SAVEPOINT") || tokens.startsWith("RELEASE")
                || tokens.startsWith("PREPARE", "TRANSACTION")) {
            return TRANSACTION_CONTROL;
        }
        return TRANSACTIONAL;
    }

    /** Whether the server refuses it inside a transaction block. */
    public boolean needsAutocommit() {
        return this == CONCURRENT_INDEX || this == NO_TRANSACTION;
    }

    public boolean isTransactionControl() {
        return this == TRANSACTION_START || this == TRANSACTION_END || this == TRANSACTION_CONTROL;
    }
}
