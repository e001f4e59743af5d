package io.neontwin.twin;

/**
 * How much of the JVM's heap copying one row takes, shared by the check before the copy ({@link LargeValueCheck}) and
 * the error after a worker ran out of heap ({@link CopyFailures}), so both name the same heap.
 */
final class HeapBudget {
    static final long MB = 1 << 20;
    /** Text COPY writes bytea as hex, two characters a byte; counted so for every bytea, since text is the larger format. */
    static final int HEX_BYTES_PER_BYTEA_BYTE = 2;
    /**
     * pgjdbc's CopyOut receives each row into one byte[] (PGStream.receive), which DataCopier hands on without copying
     * it; a second row's worth stays free because G1 places so large an array in contiguous free regions of a heap
     * the JVM also uses for itself.
     */
    static final int HEAP_BYTES_PER_ROW_BYTE = 2;
    /** The heap the run uses besides the row in flight: classes, the catalog, the driver's and the copy's buffers. */
    static final long RESERVED_BYTES = 16 * MB;
    /** The smallest heap suggested: the shipped -Xmx256m would be no advice. */
    private static final long SMALLEST_SUGGESTION_MB = 1024;

    private HeapBudget() {
    }

    /** The heap a row of this size, as COPY sends it, needs. */
    static long heapNeeded(long rowBytes) {
        return HEAP_BYTES_PER_ROW_BYTE * rowBytes + RESERVED_BYTES;
    }

    static boolean fits(long rowBytes, long maxHeapBytes) {
        return heapNeeded(rowBytes) <= maxHeapBytes;
    }

    /** An -Xmx, in MB, that holds the row: rounded up to 256 MB steps. */
    static long suggestedHeapMb(long rowBytes) {
        long neededMb = (heapNeeded(rowBytes) + MB - 1) / MB;
        return Math.max(SMALLEST_SUGGESTION_MB, (neededMb + 255) / 256 * 256);
    }

    /** This JVM's heap limit (-Xmx). */
    static long maxHeapBytes() {
        return Runtime.getRuntime().maxMemory();
    }
}
