package io.neontwin.twin;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One COPY stream: a table, or one range of a large table's pages. Ranges use ctid bounds, which PostgreSQL 14+ reads
 * with a TID range scan (only those pages), so N streams read a table once between them.
 *
 * @param firstPage first heap page of the range (inclusive), or -1 for the whole table
 * @param endPage   end page (exclusive), or -1 for "to the end": the last range is open so rows on pages added
 *                  since the size was measured are not missed
 */
record CopyTask(ProductionCatalog.Relation table, List<ProductionCatalog.Column> columns, int chunk, int chunks,
                long firstPage, long endPage, boolean binary, TableTransform transform) {

    boolean wholeTable() {
        return firstPage < 0;
    }

    String columnList() {
        return columns.stream().map(c -> Sql.quoteIdent(c.name())).collect(Collectors.joining(", "));
    }

    /**
     * The table and its column list as COPY takes them. A table with no columns to copy (CREATE TABLE t (), every
     * column dropped, an inheritance parent with none) still holds rows: COPY without a list copies them, where an
     * empty list "()" is a syntax error.
     */
    private String tableAndColumns() {
        return columns.isEmpty() ? table.qualified() : table.qualified() + " (" + columnList() + ")";
    }

    private String format() {
        return binary ? "binary" : "text";
    }

    /** The statement production runs. COPY of a table reads that table only (not inheritance children). */
    String sourceSql() {
        if (wholeTable() && transform.isIdentity()) {
            return "COPY " + tableAndColumns() + " TO STDOUT (FORMAT " + format() + ")";
        }
        StringBuilder where = new StringBuilder();
        if (!wholeTable()) {
            where.append("ctid >= '(").append(firstPage).append(",0)'::tid");
            if (endPage >= 0) {
                where.append(" AND ctid < '(").append(endPage).append(",0)'::tid");
            }
        }
        transform.rowFilter().ifPresent(filter -> where.append(where.isEmpty() ? "" : " AND ").append('(').append(filter).append(')'));
        String select = columns.stream().map(c -> transform.selectExpression(table, c.name()))
                .collect(Collectors.joining(", "));
        return "COPY (SELECT " + select + " FROM ONLY " + table.qualified()
                + (where.isEmpty() ? "" : " WHERE " + where) + ") TO STDOUT (FORMAT " + format() + ")";
    }

    String targetSql() {
        return "COPY " + tableAndColumns() + " FROM STDIN (FORMAT " + format() + ")";
    }

    String describe() {
        return table.displayName() + (chunks > 1 ? " (range " + (chunk + 1) + "/" + chunks + ")" : "");
    }
}
