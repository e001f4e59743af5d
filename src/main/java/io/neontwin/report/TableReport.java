package io.neontwin.report;

/**
 * One table's copy.
 *
 * @param estimatedRows the planner's estimate on production at preflight
 * @param rows          rows streamed from production's snapshot into the twin
 * @param bytes         bytes of COPY data streamed (the wire size, not the on-disk size)
 * @param seconds       wall time of this table's COPY streams, added over its chunks
 * @param chunks        how many parallel ranges the table was split into
 * @param dataCopied    false for --exclude-table-data tables and rules with data: false (structure only)
 * @param filtered      true when the rules file's 'where' chose the rows kept (rows is then the rows kept)
 * @param masks         masked columns and the transformer of each (docs/privacy.md); never a value
 */
public record TableReport(String schema, String name, long estimatedRows, long rows, long bytes, double seconds,
                          int chunks, boolean dataCopied, boolean filtered, java.util.Map<String, String> masks) {
    public TableReport {
        masks = masks == null ? java.util.Map.of() : java.util.Map.copyOf(masks);
    }

    /** A table no privacy rule touches. */
    public TableReport(String schema, String name, long estimatedRows, long rows, long bytes, double seconds, int chunks,
                       boolean dataCopied) {
        this(schema, name, estimatedRows, rows, bytes, seconds, chunks, dataCopied, false, java.util.Map.of());
    }

    public String qualifiedName() {
        return schema + "." + name;
    }
}
