package io.neontwin.twin;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * After a table's rows did not fit in the JVM's heap: which column holds its largest value, and how large it is, so
 * the error can say what heap the copy needs. Measured only then, since it reads the whole table once more. For
 * text and bytea the size is read from each value's header without fetching the value (octet_length); other types
 * give their stored, possibly compressed, size (pg_column_size), a lower bound.
 */
final class LargestValue {
    private static final long MB = 1 << 20;

    record Found(String column, long bytes) {
        /** A heap that holds the value a few times over (the row, the driver's buffer, text's hex doubling). */
        long suggestedHeapMb() {
            long needed = 4 * bytes / MB;
            return Math.max(1024, (needed + 255) / 256 * 256);
        }

        String describe() {
            return "its largest value, in column " + column + ", is " + Math.max(1, bytes / MB) + " MB";
        }
    }

    private LargestValue() {
    }

    static Optional<Found> in(Connection production, CopyTask task) throws SQLException {
        List<String> names = new ArrayList<>();
        List<String> sizes = new ArrayList<>();
        try (Statement statement = production.createStatement(); ResultSet rows = statement.executeQuery("""
                SELECT a.attname, a.atttypid IN ('bytea'::regtype, 'text'::regtype, 'varchar'::regtype, 'bpchar'::regtype)
                FROM pg_catalog.pg_attribute a
                WHERE a.attrelid = %d AND a.attnum > 0 AND NOT a.attisdropped AND a.attlen = -1
                ORDER BY a.attnum""".formatted(task.table().oid()))) {
            while (rows.next()) {
                names.add(rows.getString(1));
                String column = Sql.quoteIdent(rows.getString(1));
                sizes.add("max(" + (rows.getBoolean(2) ? "octet_length(" + column + ")" : "pg_column_size(" + column + ")") + ")");
            }
        }
        if (names.isEmpty()) {
            return Optional.empty();
        }
        Found largest = null;
        try (Statement statement = production.createStatement();
             ResultSet row = statement.executeQuery("SELECT " + String.join(", ", sizes) + " FROM ONLY " + task.table().qualified())) {
            row.next();
            for (int i = 0; i < names.size(); i++) {
                long bytes = row.getLong(i + 1);
                if (largest == null || bytes > largest.bytes()) {
                    largest = new Found(names.get(i), bytes);
                }
            }
        }
        return Optional.of(largest);
    }
}
