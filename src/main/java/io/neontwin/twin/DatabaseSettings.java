package io.neontwin.twin;

import io.neontwin.errors.ErrorText;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Production's database-level settings ({@code ALTER DATABASE ... SET}, for all roles) put on the twin database.
 * Each is stored as "name=value" in pg_db_role_setting and written back as pg_dump's makeAlterConfigCommand writes it,
 * so the twin's pg_db_role_setting holds exactly production's entries. They ride with the database's OID, so the swap
 * keeps them. A setting the twin's server or role refuses is skipped with a warning naming it.
 */
final class DatabaseSettings {
    /** Variables whose stored value is a list of (possibly quoted) identifiers: pg_dump's variable_is_guc_list_quote. */
    private static final Set<String> LIST_QUOTE = Set.of("local_preload_libraries", "search_path", "session_preload_libraries",
            "shared_preload_libraries", "temp_tablespaces", "unix_socket_directories");

    /** What a server says when it will not take a setting: no right to it, no such parameter, a value it rejects, a reserved prefix. */
    private static final Set<String> REFUSALS = Set.of("42501", "42704", "22023", "42602");

    private DatabaseSettings() {
    }

    /** The statement that puts one stored "name=value" entry on the database; empty when the entry has no "=". */
    static Optional<String> alterStatement(String database, String entry) {
        int equals = entry.indexOf('=');
        if (equals < 0) {
            return Optional.empty();
        }
        String name = entry.substring(0, equals);
        return Optional.of("ALTER DATABASE " + Sql.quoteIdent(database) + " SET " + Sql.quoteIdent(name) + " TO "
                + valueSql(name, entry.substring(equals + 1)));
    }

    /** A stored entry's name; values stay out of messages, since a custom setting may hold something private. */
    static String name(String entry) {
        int equals = entry.indexOf('=');
        return equals < 0 ? entry : entry.substring(0, equals);
    }

    /** The value as SQL: one literal, or for a list variable one literal per element, as pg_dump writes them. */
    static String valueSql(String name, String value) {
        if (LIST_QUOTE.contains(name.toLowerCase(Locale.ROOT))) {
            Optional<List<String>> elements = splitList(value);
            if (elements.isPresent() && !elements.get().isEmpty()) {
                return String.join(", ", elements.get().stream().map(Sql::quoteLiteral).toList());
            }
        }
        return Sql.quoteLiteral(value);
    }

    /**
     * A list variable's stored value split as pg_dump's SplitGUCList splits it: on commas outside double quotes,
     * whitespace around elements dropped, double quotes removed with "" read as one ". Empty when it does not parse.
     */
    static Optional<List<String>> splitList(String value) {
        List<String> elements = new ArrayList<>();
        int i = skipSpace(value, 0);
        if (i == value.length()) {
            return Optional.of(elements);
        }
        while (true) {
            StringBuilder element = new StringBuilder();
            if (value.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i == value.length()) {
                        return Optional.empty(); // unclosed quote
                    }
                    char c = value.charAt(i++);
                    if (c == '"') {
                        if (i < value.length() && value.charAt(i) == '"') {
                            element.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        element.append(c);
                    }
                }
            } else {
                int start = i;
                while (i < value.length() && value.charAt(i) != ',' && !Character.isWhitespace(value.charAt(i))) {
                    i++;
                }
                if (i == start) {
                    return Optional.empty(); // empty unquoted element
                }
                element.append(value, start, i);
            }
            elements.add(element.toString());
            i = skipSpace(value, i);
            if (i == value.length()) {
                return Optional.of(elements);
            }
            if (value.charAt(i) != ',') {
                return Optional.empty();
            }
            i = skipSpace(value, i + 1);
            if (i == value.length()) {
                return Optional.empty(); // trailing comma
            }
        }
    }

    private static int skipSpace(String value, int i) {
        while (i < value.length() && Character.isWhitespace(value.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * Puts the settings on the database, each in its own statement (the connection autocommits), so one the twin
     * refuses is skipped alone, with a warning. Any other failure stops the run.
     *
     * @return how many were set
     */
    static int apply(Connection maintenance, String database, List<String> entries, Consumer<String> warnings) throws SQLException {
        int applied = 0;
        try (Statement statement = maintenance.createStatement()) {
            for (String entry : entries) {
                Optional<String> sql = alterStatement(database, entry);
                if (sql.isEmpty()) {
                    continue;
                }
                try {
                    statement.execute(sql.get());
                    applied++;
                } catch (SQLException refused) {
                    if (!REFUSALS.contains(refused.getSQLState())) {
                        throw refused;
                    }
                    warnings.accept("database setting " + name(entry) + " is not copied: the twin's server refused it ("
                            + ErrorText.firstLine(refused.getMessage()) + ")");
                }
            }
        }
        return applied;
    }
}
