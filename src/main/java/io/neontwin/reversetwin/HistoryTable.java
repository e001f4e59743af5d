package io.neontwin.reversetwin;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The name of production's history table, read as PostgreSQL reads {@code [schema.]name}: unquoted identifiers fold
 * to lower case, double-quoted ones are taken as written. Without a schema the table is in {@code public}.
 *
 * @param schema the schema, as stored in the catalog
 * @param name   the table, as stored in the catalog
 * @param given  how the user wrote it (for sentences)
 */
record HistoryTable(String schema, String name, String given) {
    static final String DEFAULT_SCHEMA = "public";

    /** @throws UserError INVALID_INPUT for anything but one or two identifiers separated by a dot */
    static HistoryTable parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid(String.valueOf(text), "it is empty");
        }
        List<String> parts = new ArrayList<>();
        int i = 0;
        String trimmed = text.strip();
        while (true) {
            StringBuilder part = new StringBuilder();
            if (i < trimmed.length() && trimmed.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= trimmed.length()) {
                        throw invalid(text, "a double quote is not closed");
                    }
                    char c = trimmed.charAt(i++);
                    if (c == '"') {
                        if (i < trimmed.length() && trimmed.charAt(i) == '"') {
                            part.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        part.append(c);
                    }
                }
                if (part.isEmpty()) {
                    throw invalid(text, "a quoted identifier is empty");
                }
            } else {
                int start = i;
                while (i < trimmed.length() && isIdentifierChar(trimmed.charAt(i), i == start)) {
                    i++;
                }
                if (i == start) {
                    throw invalid(text, "it is not [schema.]name made of letters, digits and underscores (or double-quoted names)");
                }
                part.append(trimmed.substring(start, i).toLowerCase(Locale.ROOT));
            }
            parts.add(part.toString());
            if (i == trimmed.length()) {
                break;
            }
            if (trimmed.charAt(i) != '.') {
                throw invalid(text, "it is not [schema.]name made of letters, digits and underscores (or double-quoted names)");
            }
            i++;
        }
        if (parts.size() > 2) {
            throw invalid(text, "it has more than a schema and a name");
        }
        return parts.size() == 1 ? new HistoryTable(DEFAULT_SCHEMA, parts.get(0), text.strip())
                : new HistoryTable(parts.get(0), parts.get(1), text.strip());
    }

    private static boolean isIdentifierChar(char c, boolean first) {
        boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80 && Character.isLetter(c);
        return first ? letter : letter || c >= '0' && c <= '9' || c == '$';
    }

    private static UserError invalid(String text, String problem) {
        return new UserError(ExitCode.INVALID_INPUT, "The history table '" + text + "' is not a valid table name: " + problem
                + "; give it as schema.table, e.g. " + io.neontwin.reversetwin.ReverseTwinOptions.DEFAULT_HISTORY_TABLE + ".");
    }

    /** schema.name, each quoted, for SQL text. */
    String qualified() {
        return quoteIdent(schema) + "." + quoteIdent(name);
    }

    String quotedSchema() {
        return quoteIdent(schema);
    }

    /** schema.name as the report and sentences show it. */
    String display() {
        return given;
    }

    static String quoteIdent(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
