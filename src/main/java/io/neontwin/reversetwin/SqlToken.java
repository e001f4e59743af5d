package io.neontwin.reversetwin;

import java.util.Locale;

/**
 * One lexical token of SQL text, as PostgreSQL's scanner would cut it.
 *
 * @param type  what kind of token it is
 * @param text  the token exactly as written (quotes and comment markers included)
 * @param start index of its first character in the text that was scanned
 * @param end   index just past its last character
 * @param line  the 1-based line its first character is on
 */
record SqlToken(Type type, String text, int start, int end, int line) {

    enum Type {
        /** an unquoted identifier or keyword: SELECT, users, e */
        WORD,
        /** a double-quoted identifier: "Order Lines" */
        QUOTED_IDENTIFIER,
        /** a string constant: 'x', E'x', and the quoted part of B'1', X'ff', U&amp;'x' */
        STRING,
        /** a dollar-quoted string: $$x$$, $body$x$body$ */
        DOLLAR_STRING,
        NUMBER,
        /** a positional parameter: $1 */
        PARAMETER,
        /** one character of punctuation or of an operator: ; ( ) , . + :: is two of them */
        SYMBOL,
        /** a -- line comment or a (possibly nested) block comment */
        COMMENT
    }

    /** The text as PostgreSQL folds an unquoted word: lower case. */
    String folded() {
        return text.toLowerCase(Locale.ROOT);
    }

    boolean isWord(String keyword) {
        return type == Type.WORD && text.equalsIgnoreCase(keyword);
    }

    boolean isSymbol(char symbol) {
        return type == Type.SYMBOL && text.length() == 1 && text.charAt(0) == symbol;
    }

    boolean isComment() {
        return type == Type.COMMENT;
    }
}
