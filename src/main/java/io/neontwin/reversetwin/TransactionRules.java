package io.neontwin.reversetwin;

import java.util.List;
import java.util.Optional;

/**
 * Which statements may run inside a transaction, and how each is rehearsed on the twin, where all pending
 * migrations run in one transaction that is rolled back.
 */
public final class TransactionRules {
    private TransactionRules() {
    }

    /** Whether the server refuses the statement inside a transaction block (CREATE INDEX CONCURRENTLY, VACUUM...). */
    public static boolean needsAutocommit(SqlStatement statement) {
        return StatementKind.of(statement).needsAutocommit();
    }

    /**
     * The text to run in the rehearsal: the statement itself; for CREATE/DROP INDEX CONCURRENTLY and REINDEX ...
     * CONCURRENTLY the same statement with CONCURRENTLY blanked out (same end result, allowed in a transaction);
     * empty for a statement no transaction accepts in any form (VACUUM, ALTER SYSTEM, CREATE DATABASE...).
     * CONCURRENTLY is replaced by as many spaces, so a server error position in the rehearsal form maps to the
     * same file line through {@link SqlSplitter#lineOf} as one in the statement.
     */
    public static Optional<String> rehearsalForm(SqlStatement statement) {
        StatementTokens tokens = StatementTokens.of(statement);
        return switch (StatementKind.of(tokens)) {
            case TRANSACTIONAL -> Optional.of(statement.sql());
            case CONCURRENT_INDEX -> Optional.of(withoutConcurrently(tokens));
            default -> Optional.empty();
        };
    }

    private static String withoutConcurrently(StatementTokens tokens) {
        int from;
        int to;
        if (tokens.startsWith("REINDEX")) {
            ReindexTarget target = ReindexTarget.of(tokens);
            from = target.concurrentlyFrom();
            to = target.concurrentlyTo();
        } else {
            from = tokens.find(1, 0, "CONCURRENTLY");
            to = from + 1;
        }
        return blank(tokens.sql(), tokens.get(from).start(), tokens.get(to - 1).end());
    }

    /** Spaces for every character but line breaks, so the text keeps its length and its lines. */
    private static String blank(String sql, int from, int to) {
        StringBuilder text = new StringBuilder(sql);
        for (int i = from; i < to; i++) {
            if (text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                text.setCharAt(i, ' ');
            }
        }
        return text.toString();
    }

    /**
     * The file's statements without an explicit transaction around the whole file (BEGIN or START TRANSACTION first,
     * COMMIT or END last), which is dropped because each migration already runs in its own transaction.
     *
     * @throws SqlSyntaxError for any other transaction control (migration files must not manage transactions), and for
     *                        such a wrapper around a statement that refuses a transaction block: the file asks for an
     *                        all-or-nothing run that PostgreSQL cannot give it
     */
    static List<SqlStatement> withoutWrappingTransaction(List<SqlStatement> statements) {
        List<SqlStatement> inner = statements;
        if (statements.size() >= 2 && StatementKind.of(statements.getFirst()) == StatementKind.TRANSACTION_START
                && StatementKind.of(statements.getLast()) == StatementKind.TRANSACTION_END) {
            inner = statements.subList(1, statements.size() - 1);
            for (SqlStatement statement : inner) {
                if (needsAutocommit(statement)) {
                    throw new SqlSyntaxError(statement.firstLine(), "'" + StatementExcerpt.leadingWords(statement, 4)
                            + "' cannot run inside the transaction this file opens with '"
                            + StatementExcerpt.leadingWords(statements.getFirst(), 2) + "'; remove the BEGIN and"
                            + " COMMIT around the file: it then runs statement by statement");
                }
            }
        }
        for (SqlStatement statement : inner) {
            if (StatementKind.of(statement).isTransactionControl()) {
                throw new SqlSyntaxError(statement.firstLine(), "'" + StatementExcerpt.leadingWords(statement, 3)
                        + "' manages the transaction, which migration files must not do: each migration already runs"
                        + " in its own transaction; remove it (a BEGIN first and a COMMIT last around the whole file"
                        + " are allowed, and ignored)");
            }
        }
        return List.copyOf(inner);
    }
}
