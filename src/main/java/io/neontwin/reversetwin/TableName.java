package io.neontwin.reversetwin;

import java.util.Locale;
import java.util.Objects;

/**
 * A table's name as PostgreSQL resolves it: unquoted identifiers fold to lower case, quoted ones keep their case.
 *
 * @param schema its schema when the statement names one, else null (whichever schema search_path picks)
 */
record TableName(String schema, String name) {

    /** A parsed name and the index of the token after it. */
    record Parsed(TableName table, int next) {
    }

    /** Reads [database.][schema.]name from index on; null when no identifier is there. */
    static Parsed parse(StatementTokens tokens, int index) {
        String previous = null;
        String last = identifier(tokens, index);
        if (last == null) {
            return null;
        }
        int next = index + 1;
        while (tokens.isSymbol(next, '.') && identifier(tokens, next + 1) != null) {
            previous = last;
            last = identifier(tokens, next + 1);
            next += 2;
        }
        return new Parsed(new TableName(previous, last), next);
    }

    private static String identifier(StatementTokens tokens, int index) {
        if (index >= tokens.size()) {
            return null;
        }
        SqlToken token = tokens.get(index);
        return switch (token.type()) {
            case WORD -> token.text().toLowerCase(Locale.ROOT);
            case QUOTED_IDENTIFIER -> token.text().substring(1, token.text().length() - 1).replace("\"\"", "\"");
            default -> null;
        };
    }

    /** The same table, as far as the text tells: same name, and same schema when both name one. */
    boolean sameTableAs(TableName other) {
        return name.equals(other.name) && (schema == null || other.schema == null || Objects.equals(schema, other.schema));
    }
}
