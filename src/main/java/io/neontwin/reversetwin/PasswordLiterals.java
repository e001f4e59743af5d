package io.neontwin.reversetwin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds and masks the literals of SQL that may hold a password, whatever their quoting ('...', E'...', U&amp;'...',
 * $$...$$, $tag$...$tag$) and however deep in dynamic SQL (a DO block's body, EXECUTE '... PASSWORD ''pw'''). A
 * statement (or a piece of nested code) that mentions PASSWORD, in a word or inside a literal, has all its literals
 * masked: a password built with format('... %L', 'pw') is not next to the word, so when unsure everything is masked.
 * Nested code that mentions it is masked the same way inside, so the code around stays readable.
 */
final class PasswordLiterals {
    static final String MASKED = "'***'";
    private static final String KEYWORD = "password";

    private PasswordLiterals() {
    }

    /** The text with every literal that may hold a password as '***'. */
    static String mask(String sql) {
        List<SqlToken> tokens;
        try {
            tokens = SqlLexer.tokens(sql);
        } catch (SqlSyntaxError unreadable) {
            return mentionsPassword(sql) ? beforeFirstQuote(sql) : sql;
        }
        if (tokens.stream().noneMatch(PasswordLiterals::mentionsPassword)) {
            return sql;
        }
        StringBuilder masked = new StringBuilder();
        int copied = 0;
        SqlToken previous = null;
        for (SqlToken token : tokens) {
            if (isLiteral(token)) {
                masked.append(sql, copied, token.start()).append(maskLiteral(token, previous));
                copied = token.end();
            }
            if (!token.isComment()) {
                previous = token;
            }
        }
        return masked.append(sql, copied, sql.length()).toString();
    }

    /**
     * The values to mask wherever else they show up (a server's "Where: SQL statement ..." line quotes dynamic SQL): the
     * literals right after the word PASSWORD, at any depth; and in code that builds a password statement from pieces
     * (format('... PASSWORD %L', 'pw')), every other literal beside the piece that names PASSWORD.
     */
    static List<String> afterKeyword(String sql) {
        List<String> found = new ArrayList<>();
        List<SqlToken> tokens;
        try {
            tokens = SqlLexer.tokens(sql);
        } catch (SqlSyntaxError unreadable) {
            return found;
        }
        boolean keywordHere = tokens.stream().anyMatch(token -> token.isWord(KEYWORD));
        boolean builtHere = !keywordHere && tokens.stream().anyMatch(token -> isLiteral(token) && mentionsPassword(token.text()));
        SqlToken previous = null;
        for (SqlToken token : tokens) {
            if (isLiteral(token)) {
                String content = content(token);
                if (previous != null && previous.isWord(KEYWORD)) {
                    found.add(content);
                } else if (mentionsPassword(content)) {
                    found.addAll(afterKeyword(content));
                } else if (builtHere) {
                    found.add(content);
                }
            }
            if (!token.isComment()) {
                previous = token;
            }
        }
        return found;
    }

    /**
     * Nested code that mentions a password is masked inside; any other literal (the password itself, a format()
     * argument, VALID UNTIL's date) as a whole.
     */
    private static String maskLiteral(SqlToken literal, SqlToken previous) {
        String content = content(literal);
        boolean nestedCode = !(previous != null && previous.isWord(KEYWORD)) && mentionsPassword(content)
                && !mask(content).equals(content);
        if (!nestedCode) {
            return MASKED;
        }
        if (literal.type() == SqlToken.Type.DOLLAR_STRING) {
            String tag = literal.text().substring(0, literal.text().indexOf('$', 1) + 1);
            return tag + mask(content) + tag;
        }
        return MASKED;
    }

    private static boolean isLiteral(SqlToken token) {
        return token.type() == SqlToken.Type.STRING || token.type() == SqlToken.Type.DOLLAR_STRING;
    }

    private static boolean mentionsPassword(SqlToken token) {
        return token.isWord(KEYWORD) || isLiteral(token) && mentionsPassword(token.text());
    }

    private static boolean mentionsPassword(String text) {
        return text.toLowerCase(Locale.ROOT).contains(KEYWORD);
    }

    /** What a literal stands for: quotes, E prefix and doubled quotes undone (backslash escapes are kept as written). */
    private static String content(SqlToken literal) {
        String text = literal.text();
        if (literal.type() == SqlToken.Type.DOLLAR_STRING) {
            int tagEnd = text.indexOf('$', 1) + 1;
            return text.substring(tagEnd, text.length() - tagEnd);
        }
        int open = text.indexOf('\'');
        return text.substring(open + 1, text.length() - 1).replace("''", "'");
    }

    /** Text the lexer cannot cut (an unterminated quote): nothing from the first quote on can be told safe. */
    private static String beforeFirstQuote(String sql) {
        int quote = sql.length();
        for (char c : new char[] {'\'', '$'}) {
            int at = sql.indexOf(c);
            if (at >= 0) {
                quote = Math.min(quote, at);
            }
        }
        return sql.substring(0, quote) + MASKED;
    }
}
