package io.neontwin.twin;

import java.util.List;

/** --schema / --exclude-schema matching, with pg_dump's pattern rules. */
final class SchemaFilter {
    private SchemaFilter() {
    }

    static boolean selected(String schema, List<String> include, List<String> exclude) {
        boolean included = include.isEmpty() || include.stream().anyMatch(p -> NamePattern.parse(p).matches("", schema));
        boolean excluded = exclude.stream().anyMatch(p -> NamePattern.parse(p).matches("", schema));
        return included && !excluded;
    }
}
