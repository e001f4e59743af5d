package io.neontwin.reversetwin;

import io.neontwin.reversetwin.SqlToken.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts SQL text into tokens by PostgreSQL's own lexical rules, so that a semicolon or a keyword inside a string,
 * a quoted identifier, a dollar-quoted body or a comment is never mistaken for SQL. Whitespace is dropped.
 * Assumes standard_conforming_strings is on (the default since PostgreSQL 9.1): a backslash escapes only inside
 * E'...' strings.
 */
final class SqlLexer {
    private final String text;
    private final LineIndex lines;
    private final List<SqlToken> tokens = new ArrayList<>();
    private int pos;

    private SqlLexer(String text) {
        this.text = text;
        this.lines = new LineIndex(text);
    }

    /** @throws SqlSyntaxError for an unterminated quote or comment, or a psql meta-command */
    static List<SqlToken> tokens(String text) {
        SqlLexer lexer = new SqlLexer(text);
        lexer.scan();
        return lexer.tokens;
    }

    private void scan() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            int start = pos;
            if (isSpace(c)) {
                pos++;
                continue;
            }
            Type type;
            if (c == '-' && peek(1) == '-') {
                type = lineComment();
            } else if (c == '/' && peek(1) == '*') {
                type = blockComment();
            } else if (c == '\'') {
                type = quoted('\'', false, Type.STRING, "a quoted string");
            } else if ((c == 'e' || c == 'E') && peek(1) == '\'') {
                pos++;
                type = quoted('\'', true, Type.STRING, "an E'...' string");
            } else if (c == '"') {
                type = quoted('"', false, Type.QUOTED_IDENTIFIER, "a quoted identifier");
            } else if (c == '$') {
                type = dollar();
            } else if (isIdentifierStart(c)) {
                type = word();
            } else if (isDigit(c)) {
                type = number();
            } else if (c == '\\') {
                throw metaCommand();
            } else {
                pos++;
                type = Type.SYMBOL;
            }
            tokens.add(new SqlToken(type, text.substring(start, pos), start, pos, lines.lineAt(start)));
        }
    }

    private Type lineComment() {
        while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
            pos++;
        }
        return Type.COMMENT;
    }

    /** Block comments nest in PostgreSQL (unlike the SQL standard): every opening needs its own closing. */
    private Type blockComment() {
        int start = pos;
        int depth = 0;
        while (pos < text.length()) {
            if (text.startsWith("/*", pos)) {
                depth++;
                pos += 2;
            } else if (text.startsWith("*/", pos)) {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return Type.COMMENT;
                }
            } else {
                pos++;
            }
        }
        throw new SqlSyntaxError(lines.lineAt(start), "a /* comment opened here is never closed with */");
    }

    /** A doubled quote stands for one quote; with backslashEscapes (E'...'), a backslash escapes the next character. */
    private Type quoted(char quote, boolean backslashEscapes, Type type, String what) {
        int start = pos;
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (backslashEscapes && c == '\\') {
                pos += 2;
            } else if (c == quote && peek(1) == quote) {
                pos += 2;
            } else if (c == quote) {
                pos++;
                return type;
            } else {
                pos++;
            }
        }
        throw new SqlSyntaxError(lines.lineAt(start), what + " opened here is never closed with " + quote);
    }

    /** $1 is a parameter; $$ or $tag$ opens a dollar-quoted string that only the same delimiter closes. */
    private Type dollar() {
        int start = pos;
        if (isDigit(peek(1))) {
            pos++;
            while (pos < text.length() && isDigit(text.charAt(pos))) {
                pos++;
            }
            return Type.PARAMETER;
        }
        int tagEnd = pos + 1;
        if (tagEnd < text.length() && isIdentifierStart(text.charAt(tagEnd))) {
            while (tagEnd < text.length() && isTagPart(text.charAt(tagEnd))) {
                tagEnd++;
            }
        }
        if (tagEnd >= text.length() || text.charAt(tagEnd) != '$') {
            pos++;
            return Type.SYMBOL;
        }
        String delimiter = text.substring(start, tagEnd + 1);
        int close = text.indexOf(delimiter, tagEnd + 1);
        if (close < 0) {
            throw new SqlSyntaxError(lines.lineAt(start),
                    "a dollar-quoted string opened here with " + delimiter + " is never closed with " + delimiter);
        }
        pos = close + delimiter.length();
        return Type.DOLLAR_STRING;
    }

    /** Identifiers may hold $ after their first character (a$b is one identifier, not a dollar quote). */
    private Type word() {
        pos++;
        while (pos < text.length() && (isTagPart(text.charAt(pos)) || text.charAt(pos) == '$')) {
            pos++;
        }
        return Type.WORD;
    }

    /** Loose on purpose: 1.5e10, 0x1F and 1_000 each stay one token; only where tokens start and end matters. */
    private Type number() {
        while (pos < text.length() && (isTagPart(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        return Type.NUMBER;
    }

    /**
     * psql runs a backslash command (\i, \connect, \set...) itself, the server never sees it; and a backslash outside
     * quotes is no SQL operator, so any of them means the file was written for psql.
     */
    private SqlSyntaxError metaCommand() {
        int end = pos + 1;
        while (end < text.length() && !isSpace(text.charAt(end))) {
            end++;
        }
        return new SqlSyntaxError(lines.lineAt(pos), "psql meta-commands such as " + text.substring(pos, end)
                + " are not supported in migrations; the server runs only SQL, so write the SQL itself instead");
    }

    private char peek(int ahead) {
        return pos + ahead < text.length() ? text.charAt(pos + ahead) : '\0';
    }

    /** PostgreSQL's whitespace; other Unicode spaces are identifier characters to its scanner. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }

    private static boolean isIdentifierStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
    }

    private static boolean isTagPart(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
