package io.neontwin.reversetwin;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Stand-in for reverse-parse's transaction rules until that branch is merged. */
final class RehearsalForms {
    private static final Pattern CONCURRENTLY = Pattern.compile("(?i)\\bconcurrently\\b");

    private RehearsalForms() {
    }

    static Optional<String> of(SqlStatement statement) {
        String first = MigrationPlan.firstWord(statement.sql());
        if (first.equals("VACUUM") || (first.equals("ALTER") && statement.sql().toUpperCase(Locale.ROOT).contains("SYSTEM"))) {
            return Optional.empty();
        }
        return Optional.of(CONCURRENTLY.matcher(statement.sql()).replaceFirst(""));
    }
}
