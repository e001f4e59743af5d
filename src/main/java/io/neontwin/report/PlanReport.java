package io.neontwin.report;

import java.util.List;

/**
 * The plan the twin engine made before its first write, as the run then executes it step by step: a dry run records
 * the same plan the real run would carry out.
 *
 * @param schemaStatements   pre-data statements (types, functions, tables, views) created in the staging database
 * @param copyStreams        the COPY streams, largest first
 * @param postDataStatements indexes, constraints, triggers, policies and rules built after the data
 * @param materializedViews  populated materialized views refreshed after the post-data section, in that order
 * @param sequences          sequences whose values are set to production's
 * @param analyzedRelations  tables and materialized views analyzed before verification
 */
public record PlanReport(int schemaStatements, List<CopyStream> copyStreams, int postDataStatements,
                         List<String> materializedViews, int sequences, int analyzedRelations) {

    /** One COPY stream: its table, which of the table's page ranges it reads (1-based, of {@code ranges}), its format. */
    public record CopyStream(String table, int range, int ranges, String format) {
    }
}
