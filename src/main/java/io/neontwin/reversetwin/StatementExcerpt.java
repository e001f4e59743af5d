package io.neontwin.reversetwin;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** A statement shortened for reports and error sentences: on one line, comments left out. */
public final class StatementExcerpt {
    /** Reports show at most this many characters of a statement. */
    public static final int MAX_LENGTH = 200;

    private StatementExcerpt() {
    }

    /**
     * The statement on one line (comments dropped, runs of whitespace as one space, literals that may hold a password
     * as '***': see {@link PasswordLiterals}),
     * at most 200 characters.
     */
    public static String of(String sql) {
        // Excerpts reach logs, job summaries and Slack, which must not show a password even when a migration holds one.
        String oneLine = withoutComments(PasswordLiterals.mask(sql)).replaceAll("\\s+", " ").strip();
        if (oneLine.codePointCount(0, oneLine.length()) <= MAX_LENGTH) {
            return oneLine;
        }
        return oneLine.substring(0, oneLine.offsetByCodePoints(0, MAX_LENGTH - 1)) + "…";
    }

    /** The literals right after PASSWORD, nested ones included: secrets to mask in server messages and logs too. */
    static List<String> passwordLiterals(String sql) {
        return PasswordLiterals.afterKeyword(sql);
    }

    private static String withoutComments(String sql) {
        List<SqlToken> comments;
        try {
            comments = SqlLexer.tokens(sql).stream().filter(SqlToken::isComment).toList();
        } catch (SqlSyntaxError notWholeStatements) {
            return sql;
        }
        StringBuilder text = new StringBuilder();
        int copied = 0;
        for (SqlToken comment : comments) {
            text.append(sql, copied, comment.start()).append(' ');
            copied = comment.end();
        }
        return text.append(sql, copied, sql.length()).toString();
    }

    /** The statement's first few keywords or names, for error sentences: "CREATE INDEX CONCURRENTLY orders_idx". */
    static String leadingWords(SqlStatement statement, int count) {
        StatementTokens tokens = StatementTokens.of(statement);
        return IntStream.range(0, Math.min(count, tokens.size()))
                .mapToObj(i -> tokens.get(i).text()).collect(Collectors.joining(" "));
    }
}
