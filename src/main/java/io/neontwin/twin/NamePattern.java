package io.neontwin.twin;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A table pattern as pg_dump's -t reads it: "[schema.]name", '*' and '?' wildcards, unquoted letters folded to
 * lower case, double quotes keep case and wildcards literal. Used for --exclude-table-data, which the engine applies
 * itself (the table list comes from pg_dump, so --table and --exclude-table go to pg_dump and match the same way).
 */
public final class NamePattern {
    private final Pattern schema;
    private final Pattern name;

    private NamePattern(Pattern schema, Pattern name) {
        this.schema = schema;
        this.name = name;
    }

    public static NamePattern parse(String pattern) {
        StringBuilder schemaRegex = null;
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < pattern.length() && pattern.charAt(i + 1) == '"') {
                    current.append(Pattern.quote("\""));
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (quoted) {
                current.append(Pattern.quote(String.valueOf(c)));
            } else if (c == '.') {
                schemaRegex = current;
                current = new StringBuilder();
            } else if (c == '*') {
                current.append(".*");
            } else if (c == '?') {
                current.append('.');
            } else {
                current.append(Pattern.quote(String.valueOf(c).toLowerCase(Locale.ROOT)));
            }
        }
        return new NamePattern(schemaRegex == null ? null : Pattern.compile(schemaRegex.toString()),
                Pattern.compile(current.toString()));
    }

    public boolean matches(String schemaName, String tableName) {
        return (schema == null || schema.matcher(schemaName).matches()) && name.matcher(tableName).matches();
    }
}
