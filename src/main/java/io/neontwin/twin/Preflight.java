package io.neontwin.twin;

import io.neontwin.connection.ConnectionSpec;
import io.neontwin.connection.Connector;
import io.neontwin.connection.ServerInfo;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.pgclient.PgClient;
import io.neontwin.pgclient.PgClientLocator;
import io.neontwin.pgclient.PgProcess;
import io.neontwin.report.ClientInfo;
import io.neontwin.report.DatabaseInfo;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything that happens before the first write, in this order: the URLs are not the same database; both servers
 * answer; the twin target may be replaced (and its lock is free); a client fits both versions; production's snapshot
 * is exported and its schema dumped from it; what the twin's server lacks is found. The result is the plan.
 */
final class Preflight {
    static final int OLDEST_SUPPORTED_MAJOR = 12;
    static final int NEWEST_SUPPORTED_MAJOR = 18;

    /** What the later phases need, all read from the one snapshot. */
    record Context(TwinPlan plan, ServerInfo productionServer, TwinTarget target, SnapshotSession snapshot, PgClient client,
                   SchemaDump dump, TocFilter.Selection selection, List<ProductionCatalog.Relation> dataTables,
                   Map<Long, ProductionCatalog.Relation> relations, Map<Long, List<ProductionCatalog.Column>> columns,
                   ProductionCatalog catalog, boolean rangesSupported, String productionIdentity) {
    }

    private final TwinOptions options;
    private final Connector connector;
    private final ProgressListener listener;
    private final Path workDir;

    Preflight(TwinOptions options, Connector connector, ProgressListener listener, Path workDir) {
        this.options = options;
        this.connector = connector;
        this.listener = listener;
        this.workDir = workDir;
    }

    Context run(List<AutoCloseable> cleanup) throws SQLException {
        SafetyChecks.refuseSameDatabaseByUrl(options.production(), options.twin());
        String probe = SafetyChecks.applicationNameProbe();
        ConnectionSpec production = options.production().withParameter("application_name", probe);
        ServerInfo productionServer;
        SnapshotSession snapshot = SnapshotSession.open(connector, production);
        cleanup.add(snapshot);
        productionServer = ServerInfo.of(snapshot.connection());
        checkSupported(options.production().inputName(), productionServer);

        TwinTarget target = TwinTarget.open(connector, options.twin());
        cleanup.add(target);
        checkSupported(options.twin().inputName(), target.server());
        if (target.seesSession(probe, options.twin().database())) {
            throw SafetyChecks.sameDatabase(options.production(), options.twin());
        }
        if (!options.dryRun() && !target.tryLock()) {
            throw new UserError(ExitCode.BUSY, "Another neon-twin run is refreshing twin database '" + options.twin().database()
                    + "' on this server; wait for it to finish (in GitHub Actions, give the workflow a concurrency group).");
        }
        String identity = TwinMarker.identityOf(options.production());
        String twinState = SafetyChecks.judgeTarget(target, identity, options.force());

        int neededMajor = Math.max(productionServer.major(), target.server().major());
        PgClient client = new PgClientLocator(options.pgBinDirs()).locate(neededMajor);
        List<String> warnings = new ArrayList<>();
        SafetyChecks.poolerWarning(options.production()).ifPresent(warnings::add);
        SafetyChecks.poolerWarning(options.twin()).ifPresent(warnings::add);
        if (target.server().major() < productionServer.major()) {
            warnings.add("the twin's server (PostgreSQL " + target.server().major() + ") is older than production ("
                    + productionServer.major() + "); objects using newer features will fail to restore");
        }

        ProductionCatalog catalog = new ProductionCatalog(snapshot.connection());
        RelationSelection relationSelection = RelationSelection.choose(catalog.relationCandidates(), options);
        List<String> unreadable = relationSelection.unreadable();
        if (!unreadable.isEmpty()) {
            String role = options.production().user();
            throw new UserError(ExitCode.PRIVILEGE, options.production().inputName() + ": role '" + role + "' may not read "
                    + String.join(", ", unreadable.subList(0, Math.min(5, unreadable.size())))
                    + (unreadable.size() > 5 ? " and " + (unreadable.size() - 5) + " more" : "")
                    + "; grant it SELECT (PostgreSQL 14+: GRANT pg_read_all_data TO " + role + "), or leave them out with --exclude-table.");
        }
        SchemaDump dump;
        try {
            dump = SchemaDump.create(client, options.production(), snapshot.snapshotId(), relationSelection.pgDumpArguments(), workDir);
        } catch (PgProcess.Failed failed) {
            throw explainDumpFailure(failed, options.production());
        }
        Set<Long> leftOutOids = new HashSet<>();
        relationSelection.leftOut().forEach(c -> leftOutOids.add(c.oid()));
        List<ProductionCatalog.CatalogObject> leftOutDependents = catalog.dependentsOfRelations(leftOutOids);

        Set<String> available = target.availableExtensions();
        List<TwinPlan.ExtensionCheck> extensionChecks = new ArrayList<>();
        Map<String, List<ProductionCatalog.CatalogObject>> dependents = new LinkedHashMap<>();
        Set<String> dumpedExtensions = new HashSet<>();
        dump.entries().stream().filter(e -> e.is("EXTENSION")).forEach(e -> dumpedExtensions.add(e.label().substring(e.label().indexOf(' ') + 1)));
        for (ProductionCatalog.Extension extension : catalog.extensions()) {
            if (!dumpedExtensions.contains(extension.name())) {
                continue;
            }
            boolean present = available.contains(extension.name());
            List<String> names = new ArrayList<>();
            if (!present) {
                List<ProductionCatalog.CatalogObject> objects = catalog.dependentsOf(extension);
                dependents.put(extension.name(), objects);
                objects.forEach(o -> names.add(o.description()));
            }
            extensionChecks.add(new TwinPlan.ExtensionCheck(extension.name(), extension.version(), present, names));
        }
        Set<String> twinRoles = target.roles();
        Map<Long, ProductionCatalog.RolePolicy> policiesWithMissingRoles = new HashMap<>();
        for (ProductionCatalog.RolePolicy policy : catalog.policiesWithRoles()) {
            if (!twinRoles.containsAll(policy.roles())) {
                policiesWithMissingRoles.put(policy.oid(), policy);
            }
        }
        TocFilter.Selection selection = new TocFilter(dependents, policiesWithMissingRoles, leftOutDependents).select(dump.entries());
        warnings.addAll(selection.warnings());
        long largeObjects = catalog.largeObjectCount();
        if (largeObjects > 0) {
            warnings.add(largeObjects + " large object(s) on production are not copied (large objects are outside tables)");
        }

        Set<Long> relationOids = new HashSet<>();
        selection.kept().stream().filter(e -> e.catalogTable() == TocFilter.PG_CLASS).forEach(e -> relationOids.add(e.oid()));
        Map<Long, ProductionCatalog.Relation> relations = catalog.relations(relationOids);
        List<ProductionCatalog.Relation> dataTables = new ArrayList<>();
        for (TocEntry entry : selection.kept()) {
            ProductionCatalog.Relation relation = relations.get(entry.oid());
            if (entry.is("TABLE") && relation != null && relation.kind() == 'r') {
                dataTables.add(relation);
            }
            if (entry.is("FOREIGN TABLE")) {
                warnings.add("foreign table " + entry.label().replace(' ', '.') + " is created without data (its rows live elsewhere)");
            }
        }
        dataTables.sort(Comparator.comparingLong(ProductionCatalog.Relation::bytes).reversed());
        Set<Long> tableOids = new HashSet<>();
        dataTables.forEach(t -> tableOids.add(t.oid()));
        Map<Long, List<ProductionCatalog.Column>> columns = catalog.copyableColumns(tableOids);

        boolean rangesSupported = productionServer.major() >= 14;
        long chunkBytes = CopyPlanner.chunkBytes(dataTables.stream().mapToLong(ProductionCatalog.Relation::bytes).sum(), options.jobs());
        List<NamePattern> noData = options.excludeTableData().stream().map(NamePattern::parse).toList();
        List<TwinPlan.PlannedTable> planned = new ArrayList<>();
        for (ProductionCatalog.Relation table : dataTables) {
            boolean copyData = noData.stream().noneMatch(p -> p.matches(table.schema(), table.name()));
            planned.add(new TwinPlan.PlannedTable(table.schema(), table.name(), table.estimatedRows(), table.bytes(), copyData,
                    copyData ? CopyPlanner.chunksFor(table.bytes(), chunkBytes, rangesSupported) : 0));
        }
        ClientInfo clientInfo = new ClientInfo(client.version(), client.major(), client.pgDump().toString(), client.pgRestore().toString());
        TwinPlan plan = new TwinPlan(databaseInfo(options.production(), productionServer, productionServer.databaseSize()),
                databaseInfo(options.twin(), target.server(), null), clientInfo, twinState, planned, extensionChecks, warnings);
        return new Context(plan, productionServer, target, snapshot, client, dump, selection, dataTables, relations, columns,
                catalog, rangesSupported, identity);
    }

    static DatabaseInfo databaseInfo(ConnectionSpec spec, ServerInfo server, Long size) {
        return new DatabaseInfo(spec.primaryHost().host(), spec.primaryHost().port(), spec.database(), server.version(),
                server.major(), size);
    }

    private static void checkSupported(String input, ServerInfo server) {
        if (server.major() < OLDEST_SUPPORTED_MAJOR || server.major() > NEWEST_SUPPORTED_MAJOR) {
            throw new UserError(ExitCode.CLIENT_VERSION, input + " runs PostgreSQL " + server.version()
                    + ", which neon-twin does not support; it supports PostgreSQL " + OLDEST_SUPPORTED_MAJOR + " to "
                    + NEWEST_SUPPORTED_MAJOR + ".");
        }
    }

    private static UserError explainDumpFailure(PgProcess.Failed failed, ConnectionSpec production) {
        String line = failed.firstErrorLine();
        String input = production.inputName();
        java.util.regex.Matcher denied = java.util.regex.Pattern.compile("permission denied for (\\w+) (\\S+)").matcher(line);
        if (denied.find()) {
            String object = denied.group(2);
            return new UserError(ExitCode.PRIVILEGE, input + ": role '" + production.user() + "' may not read " + denied.group(1)
                    + " " + object + "; grant it SELECT on " + object + " (PostgreSQL 14+: GRANT pg_read_all_data TO "
                    + production.user() + "), or leave it out with --exclude-table " + object + ".", failed);
        }
        if (line.contains("lock") && line.contains("timeout")) {
            return new UserError(ExitCode.COPY_FAILED, "pg_dump waited too long for a lock on production (" + line
                    + "); production DDL was running: run again later.", failed);
        }
        if (line.contains("server version") && line.contains("mismatch")) {
            return new UserError(ExitCode.CLIENT_VERSION, line + "; pass a newer client with --pg-bin.", failed);
        }
        return new UserError(ExitCode.COPY_FAILED, "pg_dump failed on production: " + line, failed);
    }
}
