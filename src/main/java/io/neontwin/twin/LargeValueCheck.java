package io.neontwin.twin;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Before anything is written: does production's largest row fit in this JVM's heap? pgjdbc's CopyOut hands each row
 * over whole, so a row larger than the heap would fail the copy after the schema is built; said here instead, naming
 * the column and the heap it needs. Cheap: only tables whose TOAST relation could hold such a row are read, and for
 * those only the values' headers (see {@link LargestValue}).
 */
final class LargeValueCheck {
    /**
     * The best ratio PostgreSQL's compressions reach on a TOAST value (lz4 about 255:1 on a run of one byte, pglz less):
     * a TOAST relation cannot hold a value more than this many times its size. Values kept in the main relation are
     * at most a page when compressed, so a few MB at most, which the heap's reserve covers.
     */
    static final long BEST_COMPRESSION_RATIO = 255;

    private LargeValueCheck() {
    }

    /**
     * Fails with one sentence if a copied table holds a row the heap cannot hold.
     *
     * @return the tables it read (the others' TOAST is too small to hold such a row)
     */
    static List<String> refuseRowsLargerThanHeap(Connection snapshot, List<ProductionCatalog.Relation> copiedTables,
                                                 long maxHeapBytes) throws SQLException {
        Map<Long, Long> toastBytes = toastBytes(snapshot, copiedTables);
        List<String> measured = new ArrayList<>();
        for (ProductionCatalog.Relation table : copiedTables) {
            if (!mayHoldRowLargerThanHeap(toastBytes.getOrDefault(table.oid(), 0L), maxHeapBytes)) {
                continue;
            }
            measured.add(table.displayName());
            Optional<LargestValue.Found> largest = measure(snapshot, table);
            if (largest.isPresent() && !HeapBudget.fits(largest.get().rowBytes(), maxHeapBytes)) {
                throw tooLarge(largest.get(), maxHeapBytes);
            }
        }
        return measured;
    }

    private static Optional<LargestValue.Found> measure(Connection snapshot, ProductionCatalog.Relation table) throws SQLException {
        try {
            return LargestValue.in(snapshot, table, LargestValue.Sizing.STORED);
        } catch (SQLException e) {
            if ("55P03".equals(e.getSQLState())) {
                // Production DDL holds the table; reading it gives way after the snapshot session's lock timeout.
                throw CopyFailures.stayedLocked(table.displayName(), e);
            }
            throw e;
        }
    }

    /** Whether a TOAST relation of this size, its values decompressed and bytea written as hex, could exceed the heap. */
    static boolean mayHoldRowLargerThanHeap(long toastBytes, long maxHeapBytes) {
        long largestPossibleRow = toastBytes * BEST_COMPRESSION_RATIO * HeapBudget.HEX_BYTES_PER_BYTEA_BYTE;
        return toastBytes > 0 && !HeapBudget.fits(largestPossibleRow, maxHeapBytes);
    }

    static UserError tooLarge(LargestValue.Found largest, long maxHeapBytes) {
        return new UserError(ExitCode.INVALID_INPUT, "Production's " + largest.table() + " has a row of up to "
                + Math.max(1, largest.rowBytes() / HeapBudget.MB) + " MB as COPY sends it (" + largest.describe()
                + "), which this JVM's " + (maxHeapBytes / HeapBudget.MB) + " MB heap cannot hold, since each row is held whole"
                + "; give it more heap with NEON_TWIN_JAVA_OPTS=-Xmx" + largest.suggestedHeapMb()
                + "m (in the action, in the step's env:), or leave the table's rows out with --exclude-table-data "
                + largest.table() + "; nothing was written.");
    }

    /** The on-disk size of each table's TOAST relation, read in the snapshot; tables without one are absent. */
    private static Map<Long, Long> toastBytes(Connection snapshot, List<ProductionCatalog.Relation> tables) throws SQLException {
        Map<Long, Long> sizes = new HashMap<>();
        if (tables.isEmpty()) {
            return sizes;
        }
        Object[] oids = tables.stream().map(ProductionCatalog.Relation::oid).toArray();
        try (PreparedStatement statement = snapshot.prepareStatement("""
                SELECT c.oid, pg_relation_size(c.reltoastrelid)
                FROM pg_catalog.pg_class c
                WHERE c.oid = ANY (?) AND c.reltoastrelid <> 0""")) {
            statement.setArray(1, snapshot.createArrayOf("oid", oids));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sizes.put(rows.getLong(1), rows.getLong(2));
                }
            }
        }
        return sizes;
    }
}
