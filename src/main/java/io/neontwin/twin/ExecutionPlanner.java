package io.neontwin.twin;

import io.neontwin.pgclient.PgClient;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finishes the plan in preflight, from the snapshot and the schema archive, so that no step decides anything once
 * writing has begun: the SQL of both schema sections, the tables each post-data object locks, the materialized
 * views to refresh, the sequences to set and the relations to ANALYZE.
 */
final class ExecutionPlanner {
    private final PgClient client;
    private final SchemaDump dump;
    private final TocFilter.Selection selection;
    private final ProductionCatalog catalog;
    private final Map<Long, ProductionCatalog.Relation> relations;
    private final int twinMajor;
    private final WorkFolder work;

    ExecutionPlanner(PgClient client, SchemaDump dump, TocFilter.Selection selection, ProductionCatalog catalog,
                     Map<Long, ProductionCatalog.Relation> relations, int twinMajor, WorkFolder work) {
        this.client = client;
        this.dump = dump;
        this.selection = selection;
        this.catalog = catalog;
        this.relations = relations;
        this.twinMajor = twinMajor;
        this.work = work;
    }

    ExecutionPlan plan(List<ExecutionPlan.PlannedCopy> tables, List<CopyTask> copyTasks) throws SQLException {
        Map<Integer, TocEntry> entries = new LinkedHashMap<>();
        selection.kept().forEach(entry -> entries.put(entry.dumpId(), entry));
        RestoreScript preData = RestoreScript.render(client, dump, selection.kept(), "pre-data", twinMajor, work);
        RestoreScript postData = RestoreScript.render(client, dump, selection.kept(), "post-data", twinMajor, work);
        Map<Long, Long> tableBytes = new LinkedHashMap<>();
        relations.values().forEach(relation -> tableBytes.put(relation.oid(), relation.bytes()));
        return new ExecutionPlan(preData, Map.copyOf(entries), List.copyOf(tables), List.copyOf(copyTasks), postData,
                Map.copyOf(tablesOfPostDataObjects(entries, postData)), Map.copyOf(tableBytes), populatedMaterializedViews(),
                sequences(), analyzable());
    }

    private Map<Long, List<Long>> tablesOfPostDataObjects(Map<Integer, TocEntry> entries, RestoreScript postData) throws SQLException {
        Set<Long> oids = new HashSet<>();
        for (RestoreScript.Statement statement : postData.statements()) {
            TocEntry entry = entries.get(statement.dumpId());
            if (entry != null && entry.oid() != 0) {
                oids.add(entry.oid());
            }
        }
        return oids.isEmpty() ? Map.of() : catalog.tablesOfObjects(oids);
    }

    private List<String> populatedMaterializedViews() throws SQLException {
        Set<Long> oids = new HashSet<>();
        selection.kept().stream().filter(e -> e.is(DumpEntryKind.MATERIALIZED_VIEW)).forEach(e -> oids.add(e.oid()));
        if (oids.isEmpty()) {
            return List.of();
        }
        Set<Long> populated = catalog.populatedMaterializedViews(oids);
        return selection.kept().stream()
                .filter(entry -> entry.is(DumpEntryKind.MATERIALIZED_VIEW) && populated.contains(entry.oid()) && relations.containsKey(entry.oid()))
                .map(entry -> relations.get(entry.oid()).qualified())
                .toList();
    }

    private Map<Long, ProductionCatalog.Relation> sequences() {
        Map<Long, ProductionCatalog.Relation> sequences = new LinkedHashMap<>();
        for (TocEntry entry : selection.kept()) {
            ProductionCatalog.Relation relation = relations.get(entry.oid());
            if (entry.is(DumpEntryKind.SEQUENCE) && relation != null && relation.kind() == 'S') {
                sequences.put(relation.oid(), relation);
            }
        }
        return java.util.Collections.unmodifiableMap(sequences);
    }

    private List<String> analyzable() {
        // largest first, so that the batches dealt round robin come out about even
        return relations.values().stream()
                .filter(relation -> relation.kind() == 'r' || relation.kind() == 'p' || relation.kind() == 'm')
                .sorted(Comparator.comparingLong(ProductionCatalog.Relation::bytes).reversed())
                .map(ProductionCatalog.Relation::qualified)
                .toList();
    }
}
