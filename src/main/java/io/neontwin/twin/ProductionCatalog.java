package io.neontwin.twin;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the engine reads from production's catalogs, always inside the exported snapshot's transaction so that it
 * describes exactly the data that will be copied.
 */
final class ProductionCatalog {
    private final Connection snapshot;

    ProductionCatalog(Connection snapshotConnection) {
        this.snapshot = snapshotConnection;
    }

    /** A relation pg_dump selected, with what the copy needs to know about it. */
    record Relation(long oid, String schema, String name, char kind, boolean unlogged, long estimatedRows, long pages,
                    long bytes, boolean readable) {
        String qualified() {
            return Sql.quoteIdent(schema) + "." + Sql.quoteIdent(name);
        }

        String displayName() {
            return schema + "." + name;
        }

        boolean hasData() {
            return kind == 'r' || kind == 'm';
        }
    }

    /**
     * A column the copy writes: generated columns are computed by the twin, so they are neither read nor written.
     * binaryCopy: its values can travel in binary COPY format (see {@link #copyableColumns}); type, typeCategory
     * (pg_type.typcategory, 'S' for strings) and notNull tell the rules file's checks which masks fit it.
     */
    record Column(String name, boolean binaryCopy, String type, char typeCategory, boolean notNull) {
        Column(String name, boolean binaryCopy) {
            this(name, binaryCopy, "text", 'S', false);
        }
    }

    Map<Long, Relation> relations(Set<Long> oids) throws SQLException {
        Map<Long, Relation> relations = new LinkedHashMap<>();
        try (PreparedStatement statement = snapshot.prepareStatement("""
                SELECT c.oid, n.nspname, c.relname, c.relkind, c.relpersistence = 'u',
                       greatest(c.reltuples, 0)::bigint, c.relpages::bigint, pg_relation_size(c.oid),
                       has_table_privilege(c.oid, 'SELECT')
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.oid = ANY (?)""")) {
            statement.setArray(1, oidArray(oids));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    relations.put(rows.getLong(1), new Relation(rows.getLong(1), rows.getString(2), rows.getString(3),
                            rows.getString(4).charAt(0), rows.getBoolean(5), rows.getLong(6), rows.getLong(7), rows.getLong(8),
                            rows.getBoolean(9)));
                }
            }
        }
        return relations;
    }

    /**
     * Each table's columns in production's order, and whether each may travel in binary COPY format. Binary needs,
     * for the column's type and every type inside it (domain bases, array elements, composite fields, range
     * subtypes), binary send and receive functions in the catalog (aclitem has none), and the same type on both
     * servers: built-in types are, within a major; a user-defined enum, domain, composite or range is accepted only
     * as the column's own type, since arrays and composites carry their element's type oid, which differs on the twin.
     * Extension and other user-defined base types go as text to stay safe.
     */
    Map<Long, List<Column>> copyableColumns(Set<Long> tableOids) throws SQLException {
        Map<Long, List<Column>> columns = new HashMap<>();
        boolean multiranges = snapshot.getMetaData().getDatabaseMajorVersion() >= 14;
        try (PreparedStatement statement = snapshot.prepareStatement("""
                WITH RECURSIVE cols AS (
                    SELECT a.attrelid, a.attnum, a.attname, a.atttypid, a.attnotnull, format_type(a.atttypid, a.atttypmod) AS type_name
                    FROM pg_attribute a
                    WHERE a.attrelid = ANY (?) AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                ), parts(attrelid, attnum, typid, nested) AS (
                    SELECT attrelid, attnum, atttypid, false FROM cols
                  UNION
                    SELECT p.attrelid, p.attnum, inner_type.typid, p.nested OR inner_type.nests
                    FROM parts p JOIN pg_type t ON t.oid = p.typid
                    CROSS JOIN LATERAL (
                        SELECT t.typbasetype, false WHERE t.typtype = 'd'
                        UNION ALL SELECT t.typelem, true WHERE t.typelem <> 0
                        UNION ALL SELECT f.atttypid, true FROM pg_attribute f
                                  WHERE t.typrelid <> 0 AND f.attrelid = t.typrelid AND f.attnum > 0 AND NOT f.attisdropped
                        UNION ALL SELECT r.rngsubtype, true FROM pg_range r WHERE r.rngtypid = t.oid
                        %s
                    ) inner_type(typid, nests)
                )
                SELECT c.attrelid, c.attname, c.type_name, (SELECT t.typcategory FROM pg_type t WHERE t.oid = c.atttypid), c.attnotnull,
                       NOT EXISTS (SELECT 1 FROM parts p JOIN pg_type t ON t.oid = p.typid
                                   WHERE p.attrelid = c.attrelid AND p.attnum = c.attnum
                                     AND (t.typsend = 0 OR t.typreceive = 0
                                          OR t.oid >= 16384 AND (p.nested OR t.typtype NOT IN ('d', 'e', 'c', 'r', 'm'))))
                FROM cols c
                ORDER BY c.attrelid, c.attnum""".formatted(multiranges
                ? "UNION ALL SELECT r.rngsubtype, true FROM pg_range r WHERE r.rngmultitypid = t.oid" : ""))) {
            statement.setArray(1, oidArray(tableOids));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.computeIfAbsent(rows.getLong(1), k -> new ArrayList<>()).add(new Column(rows.getString(2), rows.getBoolean(6),
                            rows.getString(3), rows.getString(4).charAt(0), rows.getBoolean(5)));
                }
            }
        }
        return columns;
    }

    /** Sequences with production's current values (read now; sequences are not transactional). */
    record SequenceValue(String schema, String name, long lastValue, boolean isCalled) {
    }

    private static final int SEQUENCES_PER_QUERY = 500;

    List<SequenceValue> sequenceValues(Map<Long, Relation> sequences) throws SQLException {
        // one round trip per batch rather than per sequence: a large schema has thousands
        List<Relation> all = List.copyOf(sequences.values());
        List<SequenceValue> values = new ArrayList<>();
        for (int from = 0; from < all.size(); from += SEQUENCES_PER_QUERY) {
            List<Relation> batch = all.subList(from, Math.min(all.size(), from + SEQUENCES_PER_QUERY));
            StringBuilder query = new StringBuilder();
            for (int i = 0; i < batch.size(); i++) {
                query.append(i == 0 ? "" : " UNION ALL ").append("SELECT ").append(i)
                        .append(", last_value, is_called FROM ").append(batch.get(i).qualified());
            }
            SequenceValue[] read = new SequenceValue[batch.size()];
            try (var statement = snapshot.createStatement(); ResultSet rows = statement.executeQuery(query.toString())) {
                while (rows.next()) {
                    Relation sequence = batch.get(rows.getInt(1));
                    read[rows.getInt(1)] = new SequenceValue(sequence.schema(), sequence.name(), rows.getLong(2), rows.getBoolean(3));
                }
            }
            values.addAll(List.of(read));
        }
        return values;
    }

    /** Materialized views that hold data on production (so the twin refreshes them), by oid. */
    Set<Long> populatedMaterializedViews(Set<Long> oids) throws SQLException {
        Set<Long> populated = new java.util.HashSet<>();
        try (PreparedStatement statement = snapshot.prepareStatement(
                "SELECT oid FROM pg_class WHERE relkind = 'm' AND relispopulated AND oid = ANY (?)")) {
            statement.setArray(1, oidArray(oids));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    populated.add(rows.getLong(1));
                }
            }
        }
        return populated;
    }

    record Extension(long oid, String name, String version) {
    }

    List<Extension> extensions() throws SQLException {
        List<Extension> extensions = new ArrayList<>();
        try (var statement = snapshot.createStatement();
             ResultSet rows = statement.executeQuery("SELECT oid, extname, extversion FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY extname")) {
            while (rows.next()) {
                extensions.add(new Extension(rows.getLong(1), rows.getString(2), rows.getString(3)));
            }
        }
        return extensions;
    }

    /** An object in the catalogs, as pg_dump's TOC names it: (catalog table oid, object oid) and a description. */
    record CatalogObject(long catalogTable, long oid, String description) {
    }

    /**
     * Everything that depends, directly or through other objects, on an extension's member objects (a table with a
     * citext column, its indexes, a view over it, a function taking hstore ...). A rule is reported as its view.
     */
    List<CatalogObject> dependentsOf(Extension extension) throws SQLException {
        return dependents("SELECT classid, objid FROM pg_depend WHERE refclassid = 'pg_extension'::regclass AND refobjid = ? AND deptype = 'e'",
                statement -> statement.setLong(1, extension.oid()));
    }

    /**
     * Everything outside these relations that depends on them, directly or through other objects: views over them,
     * foreign keys that reference them, materialized views over those views ... A rule is reported as its view.
     */
    List<CatalogObject> dependentsOfRelations(Set<Long> relationOids) throws SQLException {
        if (relationOids.isEmpty()) {
            return List.of();
        }
        return dependents("SELECT 'pg_class'::regclass::oid AS classid, oid AS objid FROM pg_class WHERE oid = ANY (?)",
                statement -> statement.setArray(1, oidArray(relationOids)));
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** The recursive closure over pg_depend of what depends on the "members" query's objects, members excluded. */
    private List<CatalogObject> dependents(String membersQuery, Binder binder) throws SQLException {
        List<CatalogObject> objects = new ArrayList<>();
        try (PreparedStatement statement = snapshot.prepareStatement("""
                WITH RECURSIVE members AS (%s),
                dependents(classid, objid) AS (
                    SELECT d.classid, d.objid FROM pg_depend d
                    JOIN members m ON d.refclassid = m.classid AND d.refobjid = m.objid
                    WHERE d.deptype IN ('n', 'a')
                      AND NOT EXISTS (SELECT 1 FROM members x WHERE x.classid = d.classid AND x.objid = d.objid)
                  UNION
                    -- what depends on a dependent; for a view's rule, what depends on the view itself (its indexes,
                    -- views over it), since a view depends on others through its rule
                    SELECT d.classid, d.objid FROM dependents p
                    LEFT JOIN pg_rewrite r ON p.classid = 'pg_rewrite'::regclass AND r.oid = p.objid
                    JOIN pg_depend d ON (d.refclassid = p.classid AND d.refobjid = p.objid)
                                     OR (d.refclassid = 'pg_class'::regclass AND d.refobjid = r.ev_class)
                    WHERE d.deptype IN ('n', 'a', 'i')
                ), as_dumped AS (
                    SELECT CASE WHEN classid = 'pg_rewrite'::regclass THEN 'pg_class'::regclass::oid ELSE classid END AS classid,
                           CASE WHEN classid = 'pg_rewrite'::regclass
                                THEN (SELECT ev_class FROM pg_rewrite r WHERE r.oid = objid) ELSE objid END AS objid
                    FROM dependents
                    WHERE classid <> 'pg_type'::regclass
                       OR NOT EXISTS (SELECT 1 FROM pg_type t WHERE t.oid = objid AND t.typrelid <> 0)
                )
                SELECT DISTINCT d.classid, d.objid, pg_describe_object(d.classid, d.objid, 0)
                FROM as_dumped d
                WHERE NOT EXISTS (SELECT 1 FROM members m WHERE m.classid = d.classid AND m.objid = d.objid)
                ORDER BY 3""".formatted(membersQuery))) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    objects.add(new CatalogObject(rows.getLong(1), rows.getLong(2), rows.getString(3)));
                }
            }
        }
        return objects;
    }

    /** Every user table and view with its inheritance parents, for choosing what to copy. */
    List<RelationSelection.Candidate> relationCandidates() throws SQLException {
        List<RelationSelection.Candidate> candidates = new ArrayList<>();
        try (var statement = snapshot.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT c.oid, n.nspname, c.relname, c.relkind,
                            ARRAY(SELECT i.inhparent FROM pg_inherits i WHERE i.inhrelid = c.oid),
                            has_table_privilege(c.oid, 'SELECT')
                     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm')
                       AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
                       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
                     ORDER BY 2, 3""")) {
            while (rows.next()) {
                List<Long> parents = new ArrayList<>();
                for (Object parent : (Object[]) rows.getArray(5).getArray()) {
                    parents.add(((Number) parent).longValue());
                }
                candidates.add(new RelationSelection.Candidate(rows.getLong(1), rows.getString(2), rows.getString(3),
                        rows.getString(4).charAt(0), parents, rows.getBoolean(6)));
            }
        }
        return candidates;
    }

    /** A row-level security policy limited to named roles. */
    record RolePolicy(long oid, String table, String policy, List<String> roles) {
    }

    List<RolePolicy> policiesWithRoles() throws SQLException {
        List<RolePolicy> policies = new ArrayList<>();
        try (var statement = snapshot.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT p.oid, n.nspname || '.' || c.relname, p.polname,
                            ARRAY(SELECT rolname FROM pg_roles r WHERE r.oid = ANY (p.polroles) ORDER BY 1)
                     FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE p.polroles <> '{0}'""")) {
            while (rows.next()) {
                Array roles = rows.getArray(4);
                policies.add(new RolePolicy(rows.getLong(1), rows.getString(2), rows.getString(3), List.of((String[]) roles.getArray())));
            }
        }
        return policies;
    }

    /**
     * The tables, by schema-qualified name, that row-level security would filter for this role: read with
     * row_security = off (as pg_dump reads), they would fail rather than show only some rows. Superusers and BYPASSRLS
     * roles read everything; an owner does too unless the table forces row security on its owner.
     */
    List<String> tablesRowSecurityWouldFilter(Set<Long> tableOids) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement statement = snapshot.prepareStatement("""
                SELECT n.nspname || '.' || c.relname
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.oid = ANY (?) AND c.relrowsecurity
                  AND NOT (SELECT r.rolsuper OR r.rolbypassrls FROM pg_roles r WHERE r.rolname = current_user)
                  AND (c.relforcerowsecurity OR NOT pg_has_role(c.relowner, 'USAGE'))
                ORDER BY 1""")) {
            statement.setArray(1, oidArray(tableOids));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
        }
        return tables;
    }

    long largeObjectCount() throws SQLException {
        try (var statement = snapshot.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM pg_largeobject_metadata")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Production's database-level settings for every role ({@code ALTER DATABASE ... SET}), as stored: "name=value", in order. */
    List<String> databaseSettings() throws SQLException {
        List<String> settings = new ArrayList<>();
        try (var statement = snapshot.createStatement(); ResultSet rows = statement.executeQuery("""
                SELECT unnest(setconfig) FROM pg_db_role_setting
                WHERE setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database()) AND setrole = 0""")) {
            while (rows.next()) {
                settings.add(rows.getString(1));
            }
        }
        return settings;
    }

    /** A setting for one role in production's database ({@code ALTER ROLE ... IN DATABASE ... SET}): not copied. */
    record RoleSetting(String role, String setting) {
    }

    List<RoleSetting> roleSettingsInDatabase() throws SQLException {
        List<RoleSetting> settings = new ArrayList<>();
        try (var statement = snapshot.createStatement(); ResultSet rows = statement.executeQuery("""
                SELECT coalesce(r.rolname, s.setrole::text), unnest(s.setconfig)
                FROM pg_db_role_setting s LEFT JOIN pg_roles r ON r.oid = s.setrole
                WHERE s.setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database()) AND s.setrole <> 0
                ORDER BY 1""")) {
            while (rows.next()) {
                settings.add(new RoleSetting(rows.getString(1), rows.getString(2)));
            }
        }
        return settings;
    }

    private Array oidArray(Set<Long> oids) throws SQLException {
        return snapshot.createArrayOf("oid", oids.toArray());
    }

    /**
     * The tables that post-data objects (indexes, constraints, triggers, policies, rules) belong to, by object oid:
     * (owning table, referenced table or 0). Object oids are unique per catalog, and these catalogs do not overlap
     * in practice, so one map serves.
     */
    Map<Long, List<Long>> tablesOfObjects(Set<Long> oids) throws SQLException {
        Map<Long, List<Long>> tables = new HashMap<>();
        try (PreparedStatement statement = snapshot.prepareStatement("""
                SELECT oid, conrelid, confrelid FROM pg_constraint WHERE oid = ANY (?)
                UNION ALL SELECT indexrelid, indrelid, 0 FROM pg_index WHERE indexrelid = ANY (?)
                UNION ALL SELECT oid, tgrelid, 0 FROM pg_trigger WHERE oid = ANY (?)
                UNION ALL SELECT oid, polrelid, 0 FROM pg_policy WHERE oid = ANY (?)
                UNION ALL SELECT oid, ev_class, 0 FROM pg_rewrite WHERE oid = ANY (?)""")) {
            Array array = oidArray(oids);
            for (int i = 1; i <= 5; i++) {
                statement.setArray(i, array);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.put(rows.getLong(1), List.of(rows.getLong(2), rows.getLong(3)));
                }
            }
        }
        return tables;
    }
}
