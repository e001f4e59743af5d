package io.neontwin.twin;

import io.neontwin.run.SessionSafety;
import io.neontwin.run.TwinMarker;
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
import io.neontwin.run.CleanupStack;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    record Context(TwinPlan plan, ServerInfo productionServer, StagedTarget target, SnapshotSession snapshot,
                   ProductionCatalog catalog, String productionIdentity) {
        ExecutionPlan execution() {
            return plan.execution();
        }
    }

    private final TwinOptions options;
    private final Connector connector;
    private final ProgressListener listener;
    private final WorkFolder work;

    Preflight(TwinOptions options, Connector connector, ProgressListener listener, WorkFolder work) {
        this.options = options;
        this.connector = connector;
        this.listener = listener;
        this.work = work;
    }

    Context run(CleanupStack cleanup) throws SQLException {
        SessionSafety.refuseSameDatabaseByUrl(options.production(), options.twin());
        String probe = SessionSafety.applicationNameProbe();
        ConnectionSpec production = options.production().withParameter("application_name", probe);
        SnapshotSession snapshot = SnapshotSession.open(connector, production);
        cleanup.push(snapshot);
        ServerInfo productionServer = ServerInfo.of(snapshot.connection());
        checkSupported(options.production().inputName(), productionServer);

        TwinTarget target = TwinTarget.open(connector, options.twin());
        cleanup.push(target);
        checkSupported(options.twin().inputName(), target.server());
        if (target.seesSession(probe, options.twin().database())) {
            throw SessionSafety.sameDatabase(options.production(), options.twin());
        }
        if (!options.dryRun() && !target.tryLock()) {
            throw new UserError(ExitCode.BUSY, "Another neon-twin run is refreshing twin database '" + options.twin().database()
                    + "' on this server; wait for it to finish (in GitHub Actions, give the workflow a concurrency group).");
        }
        String identity = TwinMarker.identityOf(options.production());
        String twinState = SafetyChecks.judgeTarget(target, identity, options.force());
        SwapReadiness.check(target);

        int neededMajor = Math.max(productionServer.major(), target.server().major());
        PgClient client = new PgClientLocator(options.pgBinDirs()).locate(neededMajor);
        List<String> warnings = new ArrayList<>();
        SessionSafety.poolerWarning(options.production()).ifPresent(warnings::add);
        SessionSafety.poolerWarning(options.twin()).ifPresent(warnings::add);
        target.stagingLocale(productionServer).warning().ifPresent(warnings::add);
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
            dump = SchemaDump.create(client, options.production(), snapshot.snapshotId(), relationSelection.pgDumpArguments(), work);
        } catch (PgProcess.Failed failed) {
            throw explainDumpFailure(failed, options.production());
        }
        Set<Long> leftOutOids = new HashSet<>();
        relationSelection.leftOut().forEach(c -> leftOutOids.add(c.oid()));
        List<ProductionCatalog.CatalogObject> leftOutDependents = catalog.dependentsOfRelations(leftOutOids);

        Map<String, List<ProductionCatalog.CatalogObject>> dependents = new LinkedHashMap<>();
        List<TwinPlan.ExtensionCheck> extensionChecks = checkExtensions(catalog, dump, target, dependents);
        Map<Long, ProductionCatalog.RolePolicy> policiesWithMissingRoles = policiesTheTwinCannotHave(catalog, target);
        TocFilter.Selection selection = new TocFilter(dependents, policiesWithMissingRoles, leftOutDependents).select(dump.entries());
        warnings.addAll(selection.warnings());
        long largeObjects = catalog.largeObjectCount();
        if (largeObjects > 0) {
            warnings.add(largeObjects + " large object(s) on production are not copied (large objects are outside tables)");
        }

        List<String> databaseSettings = catalog.databaseSettings();
        roleSettingsWarning(catalog.roleSettingsInDatabase(), options.production().database()).ifPresent(warnings::add);

        Map<Long, ProductionCatalog.Relation> relations = catalog.relations(relationOidsOf(selection));
        List<ProductionCatalog.Relation> dataTables = tablesWithData(selection, relations, warnings);
        Set<Long> tableOids = new HashSet<>();
        dataTables.forEach(t -> tableOids.add(t.oid()));
        Map<Long, List<ProductionCatalog.Column>> columns = catalog.copyableColumns(tableOids);
        boolean rangesSupported = productionServer.major() >= 14;
        Set<Long> withoutData = withoutData(dataTables);
        PrivacyPlan privacy = PrivacyPlan.prepare(options.privacy(), dataTables, columns, withoutData, snapshot.connection());
        withoutData.addAll(privacy.withoutData());
        boolean binary = productionServer.major() == target.server().major() && options.verify() != VerifyMode.CHECKSUMS
                && options.copyFormat().binaryAllowed();
        List<ProductionCatalog.Relation> copied = dataTables.stream().filter(t -> !withoutData.contains(t.oid())).toList();
        List<CopyTask> copyTasks = CopyPlanner.plan(copied, columns, options.jobs(), rangesSupported, binary, privacy::transformOf);
        List<ExecutionPlan.PlannedCopy> planned = planTables(dataTables, withoutData, copyTasks, privacy);
        refuseRowSecurityFilteredTables(catalog, tableOids, planned);
        LargeValueCheck.refuseRowsLargerThanHeap(snapshot.connection(), copied, HeapBudget.maxHeapBytes());
        ExecutionPlan execution = new ExecutionPlanner(client, dump, selection, catalog, relations, target.server().major(), work)
                .plan(planned, copyTasks);
        ClientInfo clientInfo = new ClientInfo(client.version(), client.major(), client.pgDump().toString(), client.pgRestore().toString());
        TwinPlan plan = new TwinPlan(databaseInfo(options.production(), productionServer, productionServer.databaseSize()),
                databaseInfo(options.twin(), target.server(), null), clientInfo, twinState,
                planned.stream().map(ExecutionPlan.PlannedCopy::shown).toList(), extensionChecks, List.copyOf(databaseSettings),
                List.copyOf(warnings), execution);
        return new Context(plan, productionServer, target, snapshot, catalog, identity);
    }

    /** A table whose rows the production role would see only in part fails the run now, not after the schema is built. */
    private static void refuseRowSecurityFilteredTables(ProductionCatalog catalog, Set<Long> tableOids,
                                                        List<ExecutionPlan.PlannedCopy> planned) throws SQLException {
        Set<String> copied = new HashSet<>();
        planned.stream().map(ExecutionPlan.PlannedCopy::shown).filter(TwinPlan.PlannedTable::copyData)
                .forEach(t -> copied.add(t.qualifiedName()));
        List<String> filtered = catalog.tablesRowSecurityWouldFilter(tableOids).stream().filter(copied::contains).toList();
        if (!filtered.isEmpty()) {
            throw CopyFailures.rowSecurity(String.join(", ", filtered), null);
        }
    }

    /** Production's extensions that the dump creates, and whether the twin's server has each; fills in the dependents of missing ones. */
    private static List<TwinPlan.ExtensionCheck> checkExtensions(ProductionCatalog catalog, SchemaDump dump, TwinTarget target,
                                                                 Map<String, List<ProductionCatalog.CatalogObject>> dependents) throws SQLException {
        Set<String> available = target.availableExtensions();
        Set<String> dumped = new HashSet<>();
        dump.entries().stream().filter(e -> e.is(DumpEntryKind.EXTENSION)).forEach(e -> dumped.add(e.label().substring(e.label().indexOf(' ') + 1)));
        List<TwinPlan.ExtensionCheck> checks = new ArrayList<>();
        for (ProductionCatalog.Extension extension : catalog.extensions()) {
            if (!dumped.contains(extension.name())) {
                continue;
            }
            boolean present = available.contains(extension.name());
            List<String> names = new ArrayList<>();
            if (!present) {
                List<ProductionCatalog.CatalogObject> objects = catalog.dependentsOf(extension);
                dependents.put(extension.name(), objects);
                objects.forEach(o -> names.add(o.description()));
            }
            checks.add(new TwinPlan.ExtensionCheck(extension.name(), extension.version(), present, names));
        }
        return checks;
    }

    /** Settings production keeps for single roles in its database are not copied: the twin's roles are others. */
    static Optional<String> roleSettingsWarning(List<ProductionCatalog.RoleSetting> settings, String database) {
        if (settings.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<String>> byRole = new LinkedHashMap<>();
        settings.forEach(s -> byRole.computeIfAbsent(s.role(), r -> new ArrayList<>()).add(DatabaseSettings.name(s.setting())));
        List<String> described = new ArrayList<>();
        byRole.forEach((role, values) -> described.add(role + " (" + String.join(", ", values) + ")"));
        return Optional.of("per-role settings in production's database (ALTER ROLE ... IN DATABASE " + database
                + " SET) are not copied, since the twin's roles differ: " + String.join("; ", described));
    }

    /** Row-level security policies for roles the twin's server does not have, by policy oid. */
    private static Map<Long, ProductionCatalog.RolePolicy> policiesTheTwinCannotHave(ProductionCatalog catalog, TwinTarget target)
            throws SQLException {
        Set<String> twinRoles = target.roles();
        Map<Long, ProductionCatalog.RolePolicy> policies = new HashMap<>();
        for (ProductionCatalog.RolePolicy policy : catalog.policiesWithRoles()) {
            if (!twinRoles.containsAll(policy.roles())) {
                policies.put(policy.oid(), policy);
            }
        }
        return policies;
    }

    private static Set<Long> relationOidsOf(TocFilter.Selection selection) {
        Set<Long> oids = new HashSet<>();
        selection.kept().stream().filter(e -> e.catalogTable() == TocFilter.PG_CLASS).forEach(e -> oids.add(e.oid()));
        return oids;
    }

    /** The tables whose rows are copied (plain tables and partitions), largest first; foreign tables are warned about. */
    private static List<ProductionCatalog.Relation> tablesWithData(TocFilter.Selection selection,
                                                                   Map<Long, ProductionCatalog.Relation> relations, List<String> warnings) {
        List<ProductionCatalog.Relation> tables = new ArrayList<>();
        for (TocEntry entry : selection.kept()) {
            ProductionCatalog.Relation relation = relations.get(entry.oid());
            if (entry.is(DumpEntryKind.TABLE) && relation != null && relation.kind() == 'r') {
                tables.add(relation);
            }
            if (entry.is(DumpEntryKind.FOREIGN_TABLE)) {
                warnings.add("foreign table " + entry.label().replace(' ', '.') + " is created without data (its rows live elsewhere)");
            }
        }
        tables.sort(Comparator.comparingLong(ProductionCatalog.Relation::bytes).reversed());
        return tables;
    }

    /** The tables --exclude-table-data leaves empty, by oid: decided here, once, for the copy and the report alike. */
    private Set<Long> withoutData(List<ProductionCatalog.Relation> tables) {
        List<NamePattern> noData = options.excludeTableData().stream().map(NamePattern::parse).toList();
        Set<Long> oids = new HashSet<>();
        tables.stream().filter(t -> noData.stream().anyMatch(p -> p.matches(t.schema(), t.name()))).forEach(t -> oids.add(t.oid()));
        return oids;
    }

    /** Each table as the plan shows it: estimates, whether its rows are copied, in as many ranges as it has copy tasks. */
    private static List<ExecutionPlan.PlannedCopy> planTables(List<ProductionCatalog.Relation> tables, Set<Long> withoutData,
                                                              List<CopyTask> copyTasks, PrivacyPlan privacy) {
        Map<Long, Integer> chunks = new HashMap<>();
        copyTasks.forEach(task -> chunks.merge(task.table().oid(), 1, Integer::sum));
        List<ExecutionPlan.PlannedCopy> planned = new ArrayList<>();
        for (ProductionCatalog.Relation table : tables) {
            boolean copyData = !withoutData.contains(table.oid());
            planned.add(new ExecutionPlan.PlannedCopy(table.oid(), new TwinPlan.PlannedTable(table.schema(), table.name(),
                    table.estimatedRows(), table.bytes(), copyData, chunks.getOrDefault(table.oid(), 0),
                    privacy.transformOf(table.oid()).rowFilter().isPresent(),
                    privacy.maskedColumns().getOrDefault(table.schema() + "." + table.name(), java.util.Map.of()))));
        }
        return planned;
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

    private static final java.util.regex.Pattern LOCK_QUERY = java.util.regex.Pattern.compile("Query was: LOCK TABLE (.+?) IN [A-Z ]*MODE");

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
        UserError lost = TwinFailures.CLASSIFIER.explainClientFailure(line, "dumping production's schema", failed);
        if (lost != null) {
            return lost;
        }
        java.util.regex.Matcher locking = LOCK_QUERY.matcher(failed.stderrTail());
        if (line.contains("timeout") && locking.find()) {
            // pg_dump's --lock-wait-timeout cancels its LOCK TABLE as a statement timeout; "Query was:" names the table.
            return CopyFailures.stayedLocked(locking.group(1), failed);
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
