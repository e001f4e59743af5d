package io.neontwin.twin;

import io.neontwin.cli.CliProcess;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A row larger than the JVM's heap is found in preflight, before anything is written, by reading only the tables whose
 * TOAST could hold one. The real jar runs in a JVM whose heap is smaller than one of production's values.
 */
class LargeValueCheckTest {
    private static final int SMALL_HEAP_MB = 32;
    private static final long MB = 1 << 20;

    @Test
    void aRowLargerThanTheHeapFailsInPreflightNamingTheColumnAndTheHeapWithNothingWritten() {
        TestServer production = PostgresServers.get(15);
        TestServer twin = PostgresServers.get(15, "twin");
        production.createDatabase("large_row");
        production.execute("large_row", "CREATE TABLE blobs (id int, data bytea)", "INSERT INTO blobs VALUES (1, '\\x01')");
        twin.dropDatabase("large_row_twin");
        assertEquals(ExitCode.OK, TwinFixtures.twin(production, "large_row", twin, "large_row_twin").exitCode());
        // Half again as large as the heap, and compressed in TOAST to a small fraction of it.
        int valueBytes = SMALL_HEAP_MB * 3 / 2 << 20;
        production.execute("large_row", "INSERT INTO blobs VALUES (2, decode(repeat('ab', " + valueBytes + "), 'hex'))");

        for (boolean dryRun : List.of(true, false)) {
            CliProcess.Result run = dryRun ? TwinFixtures.twinWithHeap(SMALL_HEAP_MB, production.url("large_row"), twin.url("large_row_twin"), "--dry-run")
                    : TwinFixtures.twinWithHeap(SMALL_HEAP_MB, production.url("large_row"), twin.url("large_row_twin"));

            assertEquals(ExitCode.INVALID_INPUT.code(), run.exitCode(), run::toString);
            String error = run.stderr();
            assertTrue(error.contains("public.blobs") && error.contains("in column data, is " + (valueBytes >> 20) + " MB"), run::toString);
            assertTrue(error.contains("MB heap cannot hold") && error.contains("NEON_TWIN_JAVA_OPTS=-Xmx")
                    && error.contains("--exclude-table-data public.blobs"), run::toString);
            assertFalse(error.contains("at io.neontwin"), "no stack trace without --debug");
            assertFalse(run.stdout().contains("==> schema") || error.contains("==> schema"), "fails before the schema phase: " + run);
        }
        assertEquals(1, twin.queryLong("large_row_twin", "SELECT count(*) FROM blobs"), "the previous twin is kept");
        assertFalse(TwinFixtures.databaseExists(twin, "large_row_twin__twin_staging"));
        production.dropDatabase("large_row");
    }

    @Test
    void manyToastedValuesAddingUpToMoreThanTheHeapAreCopied() {
        TestServer production = PostgresServers.get(15);
        TestServer twin = PostgresServers.get(15, "twin");
        production.createDatabase("many_values");
        // Incompressible 1 MB values, twice the heap in all: TOAST large enough to be read, each row small enough.
        int rows = SMALL_HEAP_MB * 2;
        production.execute("many_values", "CREATE TABLE blobs (id int, data bytea)",
                "INSERT INTO blobs SELECT i, (SELECT decode(string_agg(md5(random()::text || i || j), ''), 'hex')"
                        + " FROM generate_series(1, 65536) j) FROM generate_series(1, " + rows + ") i");
        twin.dropDatabase("many_values_twin");

        CliProcess.Result run = TwinFixtures.twinWithHeap(SMALL_HEAP_MB, production.url("many_values"), twin.url("many_values_twin"));

        assertEquals(ExitCode.OK.code(), run.exitCode(), run::toString);
        assertEquals(production.queryString("many_values", "SELECT md5(string_agg(data, '' ORDER BY id)) FROM blobs"),
                twin.queryString("many_values_twin", "SELECT md5(string_agg(data, '' ORDER BY id)) FROM blobs"));
        assertEquals(rows, twin.queryLong("many_values_twin", "SELECT count(*) FROM blobs"));
        production.dropDatabase("many_values");
    }

    @Test
    void onlyTablesWhoseToastCouldHoldARowLargerThanTheHeapAreRead() throws SQLException {
        TestServer production = PostgresServers.get(15);
        production.createDatabase("toast_sizes");
        production.execute("toast_sizes",
                "CREATE TABLE numbers (id int)", "INSERT INTO numbers SELECT generate_series(1, 1000)",
                "CREATE TABLE short_texts (id int, note text)", "INSERT INTO short_texts SELECT i, 'note ' || i FROM generate_series(1, 1000) i",
                "CREATE TABLE documents (id int, body text)",
                "INSERT INTO documents SELECT i, (SELECT string_agg(md5(random()::text || i || j), '') FROM generate_series(1, 8192) j)"
                        + " FROM generate_series(1, 8) i");
        long heap = 64 * MB;
        try (Connection connection = production.connect("toast_sizes")) {
            List<ProductionCatalog.Relation> tables = tables(connection, "numbers", "short_texts", "documents");
            long documentsToast = production.queryLong("toast_sizes",
                    "SELECT pg_relation_size(reltoastrelid) FROM pg_class WHERE relname = 'documents'");
            assertTrue(LargeValueCheck.mayHoldRowLargerThanHeap(documentsToast, heap), "documents' TOAST could hold too large a row");

            assertEquals(List.of("public.documents"), LargeValueCheck.refuseRowsLargerThanHeap(connection, tables, heap));

            // The same rows, with a heap too small for one 256 kB text value: documents is named, the others never read.
            UserError error = assertThrows(UserError.class,
                    () -> LargeValueCheck.refuseRowsLargerThanHeap(connection, tables, HeapBudget.heapNeeded(256 * 1024) - 1));
            assertEquals(ExitCode.INVALID_INPUT, error.exitCode());
            assertTrue(error.getMessage().contains("public.documents") && error.getMessage().contains("column body"), error.getMessage());
        } finally {
            production.dropDatabase("toast_sizes");
        }
    }

    @Test
    void aTableProductionDdlKeepsLockedWhileItIsMeasuredIsNamedAsLockedNotAsABug() throws SQLException {
        TestServer production = PostgresServers.get(15);
        production.createDatabase("locked_toast");
        production.execute("locked_toast", "CREATE TABLE documents (id int, body text)",
                "INSERT INTO documents SELECT i, (SELECT string_agg(md5(random()::text || i || j), '') FROM generate_series(1, 8192) j)"
                        + " FROM generate_series(1, 8) i");
        try (Connection snapshot = production.connect("locked_toast"); Connection migration = production.connect("locked_toast")) {
            List<ProductionCatalog.Relation> tables = tables(snapshot, "documents");
            try (var statement = snapshot.createStatement()) {
                statement.execute("SET lock_timeout = '100ms'");
            }
            migration.setAutoCommit(false);
            try (var statement = migration.createStatement()) {
                statement.execute("LOCK TABLE documents IN ACCESS EXCLUSIVE MODE");
            }

            UserError error = assertThrows(UserError.class,
                    () -> LargeValueCheck.refuseRowsLargerThanHeap(snapshot, tables, HeapBudget.heapNeeded(1 << 20)));

            assertEquals(ExitCode.COPY_FAILED, error.exitCode());
            assertTrue(error.getMessage().contains("public.documents stayed locked"), error.getMessage());
            migration.rollback();
        } finally {
            production.dropDatabase("locked_toast");
        }
    }

    @Test
    void sizingValuesReadsTheirHeadersAndNoToastBlock() throws SQLException {
        TestServer production = PostgresServers.get(15);
        production.createDatabase("value_headers");
        int valueBytes = 1 << 20;
        production.execute("value_headers", "CREATE TABLE documents (id int, body text, raw bytea, doc jsonb)",
                "INSERT INTO documents SELECT i, v, decode(v, 'hex'), to_jsonb(v) FROM generate_series(1, 4) i,"
                        + " LATERAL (SELECT string_agg(md5(random()::text || i || j), '') AS v FROM generate_series(1, "
                        + valueBytes / 32 + ") j) AS value");
        try (Connection connection = production.connect("value_headers")) {
            ProductionCatalog.Relation documents = tables(connection, "documents").get(0);
            long before = toastBlocksRead(connection);

            LargestValue.Found largest = LargestValue.in(connection, documents, LargestValue.Sizing.STORED).orElseThrow();

            assertEquals(before, toastBlocksRead(connection), "octet_length and pg_column_size read no TOAST block");
            // Incompressible values: jsonb's stored size is its raw size (its header adds a few bytes) and the largest.
            assertEquals("doc", largest.column(), largest::toString);
            assertTrue(largest.bytes() >= valueBytes, largest::toString);
            assertTrue(largest.rowBytes() >= 2 * valueBytes + valueBytes / 2 * HeapBudget.HEX_BYTES_PER_BYTEA_BYTE, "bytea counted as hex: " + largest);
            // The counter moves when values are fetched: the assertion above could fail.
            try (var statement = connection.createStatement()) {
                statement.execute("SELECT md5(string_agg(md5(raw), '')) FROM documents");
            }
            assertTrue(toastBlocksRead(connection) > before, "fetching the values reads TOAST blocks");
        } finally {
            production.dropDatabase("value_headers");
        }
    }

    /** TOAST blocks read or found in shared buffers for documents, as the statistics have them once flushed. */
    private static long toastBlocksRead(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("SELECT pg_stat_force_next_flush()");
            statement.execute("SELECT pg_stat_clear_snapshot()");
            try (var row = statement.executeQuery("SELECT coalesce(toast_blks_read, 0) + coalesce(toast_blks_hit, 0)"
                    + " FROM pg_statio_user_tables WHERE relname = 'documents'")) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    @Test
    void aToastRelationTooSmallToHoldSuchARowAtTheBestCompressionIsNotRead() {
        long heap = 256 * MB;
        long smallestRowThatDoesNotFit = (heap - HeapBudget.RESERVED_BYTES) / HeapBudget.HEAP_BYTES_PER_ROW_BYTE + 1;
        long toastThatCouldHoldIt = smallestRowThatDoesNotFit / HeapBudget.HEX_BYTES_PER_BYTEA_BYTE / LargeValueCheck.BEST_COMPRESSION_RATIO + 1;
        assertFalse(LargeValueCheck.mayHoldRowLargerThanHeap(0, heap), "no TOAST, no value outside the row's page");
        assertFalse(LargeValueCheck.mayHoldRowLargerThanHeap(toastThatCouldHoldIt / 2, heap));
        assertTrue(LargeValueCheck.mayHoldRowLargerThanHeap(toastThatCouldHoldIt, heap));
    }

    private static List<ProductionCatalog.Relation> tables(Connection connection, String... names) throws SQLException {
        Set<Long> oids = new java.util.HashSet<>();
        for (String name : names) {
            try (var statement = connection.createStatement();
                 var row = statement.executeQuery("SELECT '" + name + "'::regclass::oid")) {
                row.next();
                oids.add(row.getLong(1));
            }
        }
        return List.copyOf(new ProductionCatalog(connection).relations(oids).values());
    }
}
