package io.neontwin.twin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Cuts the copy into streams: largest tables first, so the long ones start early and the small ones fill the gaps;
 * tables much larger than a fair share per stream are split into page ranges so no single table sets the wall time.
 */
final class CopyPlanner {
    static final long PAGE_BYTES = 8192;
    static final long MIN_CHUNK_BYTES = 64L << 20;
    static final long MAX_CHUNK_BYTES = 1L << 30;

    private CopyPlanner() {
    }

    /** The chunk size: a quarter of a fair share per stream, within 64 MB and 1 GB. */
    static long chunkBytes(long totalBytes, int jobs) {
        return Math.max(MIN_CHUNK_BYTES, Math.min(MAX_CHUNK_BYTES, totalBytes / Math.max(1, jobs * 4L)));
    }

    /** How many ranges a table of this size is read in (1 when ranges are not possible). */
    static int chunksFor(long tableBytes, long chunkBytes, boolean rangesSupported) {
        if (!rangesSupported || tableBytes < 2 * chunkBytes) {
            return 1;
        }
        return (int) Math.min(64, (tableBytes + chunkBytes - 1) / chunkBytes);
    }

    static List<CopyTask> plan(List<ProductionCatalog.Relation> tables, Map<Long, List<ProductionCatalog.Column>> columns,
                               int jobs, boolean rangesSupported, boolean binaryAllowed) {
        return plan(tables, columns, jobs, rangesSupported, binaryAllowed, oid -> TableTransform.IDENTITY);
    }

    /** @param transforms each table's transform by oid: a table whose rows are masked in flight is copied as text */
    static List<CopyTask> plan(List<ProductionCatalog.Relation> tables, Map<Long, List<ProductionCatalog.Column>> columns,
                               int jobs, boolean rangesSupported, boolean binaryAllowed, LongFunction<TableTransform> transforms) {
        long total = tables.stream().mapToLong(ProductionCatalog.Relation::bytes).sum();
        long chunkBytes = chunkBytes(total, jobs);
        List<CopyTask> tasks = new ArrayList<>();
        List<ProductionCatalog.Relation> largestFirst = new ArrayList<>(tables);
        largestFirst.sort(Comparator.comparingLong(ProductionCatalog.Relation::bytes).reversed());
        for (ProductionCatalog.Relation table : largestFirst) {
            List<ProductionCatalog.Column> tableColumns = columns.getOrDefault(table.oid(), List.of());
            TableTransform transform = transforms.apply(table.oid());
            boolean binary = binaryAllowed && transform.masking().isEmpty()
                    && tableColumns.stream().allMatch(ProductionCatalog.Column::binaryCopy);
            int chunks = chunksFor(table.bytes(), chunkBytes, rangesSupported);
            if (chunks == 1) {
                tasks.add(new CopyTask(table, tableColumns, 0, 1, -1, -1, binary, transform));
                continue;
            }
            long pages = (table.bytes() + PAGE_BYTES - 1) / PAGE_BYTES;
            long pagesPerChunk = (pages + chunks - 1) / chunks;
            for (int chunk = 0; chunk < chunks; chunk++) {
                long first = chunk * pagesPerChunk;
                long end = chunk == chunks - 1 ? -1 : first + pagesPerChunk;
                tasks.add(new CopyTask(table, tableColumns, chunk, chunks, first, end, binary, transform));
            }
        }
        // Largest streams first across tables: a big table's ranges interleave with other big tables.
        tasks.sort(Comparator.comparingLong(CopyPlanner::taskBytes).reversed());
        return tasks;
    }

    static long taskBytes(CopyTask task) {
        return task.table().bytes() / task.chunks();
    }
}
