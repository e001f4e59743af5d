package io.neontwin.twin;

import io.neontwin.report.PlanReport;

import java.util.List;
import java.util.Map;

/**
 * Everything the twin engine will do, decided in preflight from production's snapshot before the first write, keyed
 * by oid: the engine runs exactly this and queries production again only for data (rows, sequence values).
 * {@code --dry-run} stops once it is made, so a dry run's plan is the plan a real run executes.
 *
 * @param preData          types, functions, tables and views to create, as SQL fit for the twin's server
 * @param entries          the kept TOC entries by dump id, for the restore's dependency order
 * @param tables           the tables whose rows are planned, largest first, each with what the plan shows of it
 * @param copyTasks        the COPY streams, largest first, with their transforms
 * @param postData         indexes, constraints, triggers, policies and rules, as SQL fit for the twin's server
 * @param postDataTables   by post-data object oid: the tables it locks while it is built (owner, referenced or 0)
 * @param tableBytes       production's size of each relation by oid, to weigh post-data work
 * @param materializedViews populated materialized views to refresh, by qualified name, in dump order
 * @param sequences        the sequences whose values are set, by oid
 * @param analyze          the relations to ANALYZE, largest first
 */
record ExecutionPlan(RestoreScript preData, Map<Integer, TocEntry> entries, List<PlannedCopy> tables, List<CopyTask> copyTasks,
                     RestoreScript postData, Map<Long, List<Long>> postDataTables, Map<Long, Long> tableBytes,
                     List<String> materializedViews, Map<Long, ProductionCatalog.Relation> sequences, List<String> analyze) {

    /** A table of the plan: its oid, by which its copy results are found, and what the printed plan says of it. */
    record PlannedCopy(long oid, TwinPlan.PlannedTable shown) {
    }

    /** What the report records of the plan: the same for a dry run and for the run that executes it. */
    PlanReport report() {
        return new PlanReport(preData.statements().size(), copyTasks.stream().map(task -> new PlanReport.CopyStream(
                task.table().displayName(), task.chunk() + 1, task.chunks(), task.binary() ? "binary" : "text")).toList(),
                postData.statements().size(), materializedViews, sequences.size(), analyze.size());
    }

    long copyBytes() {
        return copyTasks.stream().mapToLong(CopyPlanner::taskBytes).sum();
    }
}
