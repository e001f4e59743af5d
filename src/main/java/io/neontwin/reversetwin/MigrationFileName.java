package io.neontwin.reversetwin;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A migration's version and description, read from its file name.
 *
 * @param numbered true for a golang-migrate/dbmate-style name (&lt;digits&gt;_&lt;description&gt;[.up].sql), false for a
 *                 Flyway name (V&lt;version&gt;__&lt;description&gt;.sql)
 */
record MigrationFileName(MigrationVersion version, String description, boolean numbered) {
    static final String EXPECTED = "V<version>__<description>.sql (V12__add_orders_index.sql),"
            + " or <number>_<description>.sql (20240501093000_add_orders_index.sql, .up.sql also read)";

    private static final Pattern FLYWAY = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.*)\\.sql");
    private static final Pattern NUMBERED = Pattern.compile("(\\d+)_(.*?)(?:\\.up)?\\.sql");
    private static final Pattern REPEATABLE = Pattern.compile("R__.*\\.sql");
    private static final Pattern UNDO = Pattern.compile("U\\d+(?:[._]\\d+)*__.*\\.sql");

    /**
     * @param fileName a file name ending in .sql
     * @return empty for a file that is deliberately not a migration to apply: a golang-migrate down file
     * @throws IllegalArgumentException with the end of a sentence saying what is wrong with the name
     */
    static Optional<MigrationFileName> parse(String fileName) {
        if (fileName.endsWith(".down.sql")) {
            return Optional.empty();
        }
        Matcher flyway = FLYWAY.matcher(fileName);
        if (flyway.matches()) {
            return Optional.of(new MigrationFileName(MigrationVersion.parse(flyway.group(1)), describe(flyway.group(2)),
                    false));
        }
        Matcher numbered = NUMBERED.matcher(fileName);
        if (numbered.matches()) {
            return Optional.of(new MigrationFileName(MigrationVersion.parse(numbered.group(1)),
                    describe(numbered.group(2)), true));
        }
        if (REPEATABLE.matcher(fileName).matches()) {
            throw new IllegalArgumentException("is a Flyway repeatable migration (R__), which is not supported;"
                    + " put its changes in a versioned migration V<version>__<description>.sql");
        }
        if (UNDO.matcher(fileName).matches()) {
            throw new IllegalArgumentException("is a Flyway undo migration (U<version>__), which is not supported;"
                    + " undo a change with a new versioned migration, or move the file out of the folder");
        }
        throw new IllegalArgumentException("is not named like a migration; name it " + EXPECTED);
    }

    private static String describe(String nameRest) {
        return nameRest.replace('_', ' ').strip();
    }
}
