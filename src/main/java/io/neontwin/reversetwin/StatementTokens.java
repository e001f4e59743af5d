package io.neontwin.reversetwin;

import java.util.List;

/**
 * A statement's tokens without its comments, each with its parenthesis depth, for keyword-based reading: a keyword
 * is only ever matched against an unquoted word, never against the inside of a string, identifier or comment.
 */
final class StatementTokens {
    private final String sql;
    private final List<SqlToken> tokens;
    private final int[] depths;

    private StatementTokens(String sql, List<SqlToken> tokens) {
        this.sql = sql;
        this.tokens = tokens;
        this.depths = new int[tokens.size()];
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol(')') && depth > 0) {
                depth--;
            }
            depths[i] = depth;
            if (tokens.get(i).isSymbol('(')) {
                depth++;
            }
        }
    }

    static StatementTokens of(SqlStatement statement) {
        return of(statement.sql());
    }

    static StatementTokens of(String sql) {
        return new StatementTokens(sql, SqlLexer.tokens(sql).stream().filter(token -> !token.isComment()).toList());
    }

    String sql() {
        return sql;
    }

    int size() {
        return tokens.size();
    }

    SqlToken get(int index) {
        return tokens.get(index);
    }

    /** 0 outside parentheses; a parenthesis itself has the depth of what surrounds it. */
    int depth(int index) {
        return depths[index];
    }

    boolean isWord(int index, String keyword) {
        return index >= 0 && index < tokens.size() && tokens.get(index).isWord(keyword);
    }

    boolean isSymbol(int index, char symbol) {
        return index >= 0 && index < tokens.size() && tokens.get(index).isSymbol(symbol);
    }

    /** Whether the tokens from index on are these words, in order. */
    boolean wordsAt(int index, String... keywords) {
        for (int i = 0; i < keywords.length; i++) {
            if (!isWord(index + i, keywords[i])) {
                return false;
            }
        }
        return true;
    }

    boolean startsWith(String... keywords) {
        return wordsAt(0, keywords);
    }

    /** The index of the first of these words, in order, at from or after it and at depth, or -1. */
    int find(int from, int depth, String... keywords) {
        for (int i = Math.max(from, 0); i < tokens.size(); i++) {
            if (depths[i] == depth && wordsAt(i, keywords)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether this word appears anywhere outside parentheses, from index on. */
    boolean hasTopLevelWord(int from, String keyword) {
        return find(from, 0, keyword) >= 0;
    }

    /** The index just past the parenthesized group that opens at index (or index itself when none opens there). */
    int skipParentheses(int index) {
        if (!isSymbol(index, '(')) {
            return index;
        }
        int i = index + 1;
        while (i < tokens.size() && !(isSymbol(i, ')') && depths[i] == depths[index])) {
            i++;
        }
        return Math.min(i + 1, tokens.size());
    }
}
