package io.neontwin.reversetwin;

import java.util.List;

/**
 * Splits a migration file into the statements the server receives one by one, as psql would: semicolons inside
 * quotes, quoted identifiers, dollar-quoted bodies and comments do not end a statement.
 */
public final class SqlSplitter {
    private SqlSplitter() {
    }

    /** @throws IllegalArgumentException naming the line, for an unterminated quote or comment, or a psql meta-command */
    public static List<SqlStatement> split(String text) {
        throw new UnsupportedOperationException("being built");
    }
}
