package io.neontwin.twin;

/** Quoting for identifiers and literals built into SQL text (catalog names can hold anything). */
final class Sql {
    private Sql() {
    }

    static String quoteIdent(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static String quoteLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
