package io.neontwin.twin;

import java.nio.charset.StandardCharsets;

/**
 * One row of COPY's text format (tab between fields, \N for NULL, backslash escapes, newline at the end), as
 * PostgreSQL sends it in one CopyData message. A field's escaped bytes never hold a raw tab or newline, so a row splits
 * at those bytes without decoding it; only the fields that are rewritten are unescaped and escaped again.
 */
final class CopyTextRow {
    static final String NULL_FIELD = "\\N";

    private CopyTextRow() {
    }

    /** The text of a field as escaped on the wire, or null for \N. */
    static String unescape(String field) {
        if (field.equals(NULL_FIELD)) {
            return null;
        }
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '\\' || i + 1 == field.length()) {
                out.append(c);
                continue;
            }
            char next = field.charAt(++i);
            switch (next) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case 'x' -> {
                    int end = i + 1;
                    while (end < field.length() && end < i + 3 && Character.digit(field.charAt(end), 16) >= 0) {
                        end++;
                    }
                    out.append((char) Integer.parseInt(field.substring(i + 1, end), 16));
                    i = end - 1;
                }
                default -> {
                    if (next >= '0' && next <= '7') {
                        int end = i;
                        while (end < field.length() && end < i + 3 && field.charAt(end) >= '0' && field.charAt(end) <= '7') {
                            end++;
                        }
                        out.append((char) Integer.parseInt(field.substring(i, end), 8));
                        i = end - 1;
                    } else {
                        out.append(next);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A value as a COPY text field: \N for null, and the characters COPY escapes escaped. */
    static String escape(String value) {
        if (value == null) {
            return NULL_FIELD;
        }
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The row's fields, escaped as on the wire, without the final newline. */
    static String[] fields(byte[] row) {
        int length = row.length > 0 && row[row.length - 1] == '\n' ? row.length - 1 : row.length;
        return new String(row, 0, length, StandardCharsets.UTF_8).split("\t", -1);
    }

    static byte[] join(String[] fields) {
        return (String.join("\t", fields) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
