package io.neontwin.report;

/**
 * One table's copy.
 *
 * @param estimatedRows the planner's estimate on production at preflight
 * @param rows          rows streamed from production's snapshot into the twin
 * @param bytes         bytes of COPY data streamed (the wire size, not the on-disk size)
 * @param seconds       wall time of this table's COPY streams, added over its chunks
 * @param chunks        how many parallel ranges the table was split into
 * @param dataCopied    false for --exclude-table-data tables (structure only)
 */
public record TableReport(String schema, String name, long estimatedRows, long rows, long bytes, double seconds,
                          int chunks, boolean dataCopied) {
    public String qualifiedName() {
        return schema + "." + name;
    }
}
