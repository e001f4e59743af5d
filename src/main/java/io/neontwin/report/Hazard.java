package io.neontwin.report;

/**
 * A statement that is risky on a live production database, found by reading the migration (not by running it).
 *
 * @param version   the migration's version
 * @param file      the migration's file, relative to the migrations folder
 * @param line      the statement's first line in that file (1-based)
 * @param kind      a stable code, e.g. "index-without-concurrently", "table-rewrite", "data-loss"
 *                  (docs/migration-hazards.md lists them)
 * @param statement the statement, shortened to its first 200 characters, on one line
 * @param risk      one sentence: what it does to production while it runs
 * @param advice    one sentence: the safer way, where there is one; null otherwise
 */
public record Hazard(String version, String file, int line, String kind, String statement, String risk, String advice) {
}
