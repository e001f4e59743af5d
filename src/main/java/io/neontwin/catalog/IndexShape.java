package io.neontwin.catalog;

/**
 * An index that is not behind a constraint.
 *
 * @param name           qualified
 * @param table          the table or materialized view, qualified
 * @param createSql      pg_get_indexdef()
 * @param onPartitioned  built on a partitioned table, where CONCURRENTLY is not allowed
 */
public record IndexShape(String name, String table, String createSql, boolean onPartitioned) {
}
