package io.neontwin.twin;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A table's largest value (which column, how large) and its largest row as COPY sends it, in one pass over the table's
 * main relation. For text, varchar, char and bytea the size is read from each value's header (octet_length reads a
 * TOAST pointer's raw size without fetching or decompressing the value). Other types (jsonb among them) have no such
 * function: see {@link Sizing}. Read by the check before the copy
 * ({@link LargeValueCheck}, in the run's snapshot, for tables whose TOAST could hold too large a value) and after a
 * worker ran out of heap.
 */
final class LargestValue {

    /**
     * @param bytes    the largest value's size in column
     * @param rowBytes the largest row's size as text COPY sends it (bytea as hex), which is what the heap must hold
     */
    record Found(String table, String column, long bytes, long rowBytes) {
        long suggestedHeapMb() {
            return HeapBudget.suggestedHeapMb(rowBytes);
        }

        String describe() {
            return "its largest value, in column " + column + ", is " + Math.max(1, bytes / HeapBudget.MB) + " MB";
        }
    }

    private LargestValue() {
    }

    /** How a value of a type without octet_length is sized. */
    enum Sizing {
        /** Its stored size (pg_column_size): cheap, a lower bound where the value is compressed. Before the copy. */
        STORED,
        /** Its length as text: fetches and decompresses every such value. Only after a worker ran out of heap. */
        AS_TEXT
    }

    static Optional<Found> in(Connection production, ProductionCatalog.Relation table, Sizing others) throws SQLException {
        List<String> names = new ArrayList<>();
        List<String> sizes = new ArrayList<>();
        List<String> rowParts = new ArrayList<>();
        try (Statement statement = production.createStatement(); ResultSet rows = statement.executeQuery("""
                SELECT a.attname, a.atttypid = 'bytea'::regtype,
                       a.atttypid IN ('bytea'::regtype, 'text'::regtype, 'varchar'::regtype, 'bpchar'::regtype)
                FROM pg_catalog.pg_attribute a
                WHERE a.attrelid = %d AND a.attnum > 0 AND NOT a.attisdropped AND a.attlen = -1
                ORDER BY a.attnum""".formatted(table.oid()))) {
            while (rows.next()) {
                String column = Sql.quoteIdent(rows.getString(1));
                String alias = "s" + names.size();
                names.add(rows.getString(1));
                String size = rows.getBoolean(3) ? "octet_length(" + column + ")"
                        : others == Sizing.STORED ? "pg_column_size(" + column + ")" : "octet_length(" + column + "::text)";
                sizes.add(size + "::bigint AS " + alias);
                rowParts.add("coalesce(" + alias + ", 0)" + (rows.getBoolean(2) ? " * " + HeapBudget.HEX_BYTES_PER_BYTEA_BYTE : ""));
            }
        }
        if (names.isEmpty()) {
            return Optional.empty();
        }
        List<String> maxima = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            maxima.add("max(s" + i + ")");
        }
        maxima.add("max(" + String.join(" + ", rowParts) + ")");
        Found largest = null;
        try (Statement statement = production.createStatement();
             ResultSet row = statement.executeQuery("SELECT " + String.join(", ", maxima) + " FROM (SELECT "
                     + String.join(", ", sizes) + " FROM ONLY " + table.qualified() + ") AS sizes")) {
            row.next();
            long rowBytes = row.getLong(names.size() + 1);
            for (int i = 0; i < names.size(); i++) {
                long bytes = row.getLong(i + 1);
                if (largest == null || bytes > largest.bytes()) {
                    largest = new Found(table.displayName(), names.get(i), bytes, rowBytes);
                }
            }
        }
        return Optional.of(largest);
    }
}
