package io.neontwin.catalog;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.neontwin.catalog.CatalogQueries.USER_SCHEMA;
import static io.neontwin.catalog.CatalogQueries.notInExtension;

/** Reads tables (columns, partitions, inheritance, row security), sequences, constraints, indexes and views. */
final class RelationReader {
    private final CatalogQueries queries;
    private final ModelBuilder model;
    private final Map<Long, List<Column>> columns;

    /** @param columns every table's and composite type's columns, by pg_class oid ({@link #readColumns}) */
    RelationReader(CatalogQueries queries, ModelBuilder model, Map<Long, List<Column>> columns) {
        this.queries = queries;
        this.model = model;
        this.columns = columns;
    }

    void read() throws SQLException {
        readSequences();
        readTables();
        readViews();
        readSequenceOwnership();
        readConstraints();
        readIndexes();
    }

    private void readSequences() throws SQLException {
        queries.each("SELECT c.oid, c.oid::regclass::text AS name, pg_catalog.format_type(s.seqtypid, NULL) AS type,"
                + " s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle"
                + " FROM pg_catalog.pg_sequence s JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_SCHEMA
                // an identity column's sequence is part of the column (deptype i)
                + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_class'::regclass"
                + " AND d.objid = c.oid AND d.deptype IN ('i', 'e'))", row -> {
            String name = row.getString("name");
            String options = "AS " + row.getString("type") + " START WITH " + row.getLong("seqstart")
                    + " INCREMENT BY " + row.getLong("seqincrement") + " MINVALUE " + row.getLong("seqmin")
                    + " MAXVALUE " + row.getLong("seqmax") + " CACHE " + row.getLong("seqcache")
                    + (row.getBoolean("seqcycle") ? " CYCLE" : " NO CYCLE");
            model.add(new CatalogObject(ObjectKind.SEQUENCE, "sequence " + name, null, options,
                    List.of("CREATE SEQUENCE " + name + " " + options), "DROP SEQUENCE IF EXISTS " + name,
                    new SequenceShape(name, options)), "pg_class", row.getLong("oid"), "SEQUENCE " + name);
        });
    }

    private void readSequenceOwnership() throws SQLException {
        queries.each("SELECT c.oid::regclass::text AS sequence, d.refobjid::regclass::text AS owner,"
                + " pg_catalog.quote_ident(a.attname) AS column_name, d.refobjid"
                + " FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_class c ON c.oid = d.objid AND c.relkind = 'S'"
                + " JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid"
                + " WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass"
                + " AND d.deptype = 'a' AND d.refobjsubid > 0", row -> {
            String sequenceKey = "sequence " + row.getString("sequence");
            String tableKey = model.keyOf("pg_class", row.getLong("refobjid"));
            if (model.get(sequenceKey) == null || tableKey == null) {
                return;
            }
            String column = row.getString("owner") + "." + row.getString("column_name");
            String sequence = row.getString("sequence");
            model.addAbout(ObjectKind.SEQUENCE_OWNERSHIP, "ownership of " + sequenceKey, sequenceKey, column,
                    List.of("ALTER SEQUENCE " + sequence + " OWNED BY " + column),
                    "ALTER SEQUENCE IF EXISTS " + sequence + " OWNED BY NONE");
            model.dependOn("ownership of " + sequenceKey, tableKey);
        });
    }

    private void readTables() throws SQLException {
        queries.each("SELECT c.oid, c.oid::regclass::text AS name, c.reltype, t.typarray, c.relispartition,"
                + " pg_catalog.pg_get_expr(c.relpartbound, c.oid) AS bound,"
                + " CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_key,"
                + " c.relrowsecurity, c.relforcerowsecurity, c.relpersistence = 'u' AS unlogged, c.reloptions,"
                + " (SELECT pg_catalog.array_agg(h.inhparent::regclass::text ORDER BY h.inhseqno)"
                + "  FROM pg_catalog.pg_inherits h WHERE h.inhrelid = c.oid) AS parents"
                + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " JOIN pg_catalog.pg_type t ON t.oid = c.reltype"
                + " WHERE c.relkind IN ('r', 'p') AND " + USER_SCHEMA + " AND " + notInExtension("pg_class", "c.oid")
                + " ORDER BY c.oid::regclass::text", row -> {
            String name = row.getString("name");
            List<String> parents = row.getArray("parents") == null ? List.of()
                    : List.of((String[]) row.getArray("parents").getArray());
            boolean partition = row.getBoolean("relispartition");
            TableShape shape = new TableShape(name, columns.getOrDefault(row.getLong("oid"), List.of()),
                    partition ? List.of() : parents, partition ? parents.getFirst() : null,
                    partition ? row.getString("bound") : null, row.getString("partition_key"),
                    row.getBoolean("relrowsecurity"), row.getBoolean("relforcerowsecurity"), row.getBoolean("unlogged"),
                    row.getArray("reloptions") == null ? List.of() : List.of((String[]) row.getArray("reloptions").getArray()));
            String key = "table " + name;
            String definition = shape.createSql() + " rls=" + shape.rowSecurity() + " force=" + shape.forceRowSecurity();
            model.add(new CatalogObject(ObjectKind.TABLE, key, null, definition, List.of(shape.createSql()),
                    "DROP TABLE IF EXISTS " + name, shape), "pg_class", row.getLong("oid"), "TABLE " + name);
            model.alias("pg_type", row.getLong("reltype"), key);
            model.alias("pg_type", row.getLong("typarray"), key);
        });
        // a column default that calls a function or a sequence makes its table depend on them
        queries.each("SELECT oid, adrelid FROM pg_catalog.pg_attrdef", row -> {
            String table = model.keyOf("pg_class", row.getLong("adrelid"));
            if (table != null) {
                model.alias("pg_attrdef", row.getLong("oid"), table);
            }
        });
    }

    static Map<Long, List<Column>> readColumns(CatalogQueries queries) throws SQLException {
        Map<Long, List<Column>> columns = new HashMap<>();
        queries.each("SELECT a.attrelid, pg_catalog.quote_ident(a.attname) AS name,"
                + " pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,"
                + " CASE WHEN a.attcollation <> t.typcollation AND a.attcollation <> 0"
                + "  THEN pg_catalog.format('%I.%I', cn.nspname, co.collname) END AS collation,"
                + " pg_catalog.pg_get_expr(d.adbin, d.adrelid) AS expression, a.attnotnull, a.attidentity,"
                + " a.attgenerated, a.attislocal"
                + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
                + " JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
                + " LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation"
                + " LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace"
                + " LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE c.relkind IN ('r', 'p', 'c') AND a.attnum > 0 AND NOT a.attisdropped"
                + " ORDER BY a.attrelid, a.attnum", row -> {
            boolean generated = "s".equals(row.getString("attgenerated"));
            String identity = switch (row.getString("attidentity")) {
                case "a" -> "ALWAYS";
                case "d" -> "BY DEFAULT";
                default -> null;
            };
            String expression = row.getString("expression");
            columns.computeIfAbsent(row.getLong("attrelid"), k -> new ArrayList<>()).add(new Column(
                    row.getString("name"), row.getString("type"), row.getString("collation"),
                    generated ? null : expression, row.getBoolean("attnotnull"), identity,
                    generated ? expression : null, row.getBoolean("attislocal")));
        });
        return columns;
    }

    private void readViews() throws SQLException {
        queries.each("SELECT c.oid, c.oid::regclass::text AS name, c.relkind, c.reltype, t.typarray,"
                + " pg_catalog.pg_get_viewdef(c.oid, true) AS query, c.relispopulated,"
                + " pg_catalog.array_to_string(c.reloptions, ', ') AS options,"
                + " (SELECT r.oid FROM pg_catalog.pg_rewrite r WHERE r.ev_class = c.oid AND r.rulename = '_RETURN') AS rule"
                + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " JOIN pg_catalog.pg_type t ON t.oid = c.reltype"
                + " WHERE c.relkind IN ('v', 'm') AND " + USER_SCHEMA + " AND " + notInExtension("pg_class", "c.oid"),
                row -> {
            String name = row.getString("name");
            boolean materialized = "m".equals(row.getString("relkind"));
            String query = row.getString("query").strip();
            query = query.endsWith(";") ? query.substring(0, query.length() - 1) : query;
            String options = row.getString("options");
            String with = options == null || options.isEmpty() ? "" : " WITH (" + options + ")";
            String create = materialized
                    ? "CREATE MATERIALIZED VIEW " + name + with + " AS\n" + query + "\nWITH " + (row.getBoolean("relispopulated") ? "DATA" : "NO DATA")
                    : "CREATE VIEW " + name + with + " AS\n" + query;
            String word = materialized ? "MATERIALIZED VIEW " : "VIEW ";
            String key = (materialized ? "materialized view " : "view ") + name;
            model.add(new CatalogObject(materialized ? ObjectKind.MATERIALIZED_VIEW : ObjectKind.VIEW, key, null,
                    with + query, List.of(create), "DROP " + word + "IF EXISTS " + name, null),
                    "pg_class", row.getLong("oid"), word + name);
            model.alias("pg_rewrite", row.getLong("rule"), key);
            model.alias("pg_type", row.getLong("reltype"), key);
            model.alias("pg_type", row.getLong("typarray"), key);
        });
    }

    private void readConstraints() throws SQLException {
        queries.each("SELECT k.oid, pg_catalog.quote_ident(k.conname) AS name, k.conrelid,"
                + " k.conrelid::regclass::text AS table_name, k.contype, pg_catalog.pg_get_constraintdef(k.oid) AS definition,"
                + " k.convalidated, k.conindid, k.condeferrable, k.condeferred,"
                + " CASE WHEN k.contype IN ('p', 'u', 'x') THEN pg_catalog.pg_get_indexdef(k.conindid) END AS index_sql"
                + " FROM pg_catalog.pg_constraint k"
                + " WHERE k.conrelid <> 0 AND k.contype IN ('p', 'u', 'x', 'f', 'c') AND k.conparentid = 0"
                + " AND k.conislocal ORDER BY k.conrelid::regclass::text, k.conname", row -> {
            String tableKey = model.keyOf("pg_class", row.getLong("conrelid"));
            if (tableKey == null) {
                return;
            }
            String table = row.getString("table_name");
            String name = row.getString("name");
            String deferrable = row.getBoolean("condeferrable")
                    ? (row.getBoolean("condeferred") ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE") : "";
            ConstraintShape shape = new ConstraintShape(table, name, ConstraintType.of(row.getString("contype")),
                    row.getString("definition"), row.getBoolean("convalidated"), row.getString("index_sql"), deferrable);
            String key = "constraint " + table + "." + name;
            // the index behind a key carries what the constraint's text leaves out (fillfactor, its tablespace)
            String definition = shape.type() + " " + shape.definition() + (shape.indexSql() == null ? "" : " " + shape.indexSql());
            model.add(new CatalogObject(ObjectKind.CONSTRAINT, key, tableKey, definition,
                    List.of("ALTER TABLE " + table + " ADD CONSTRAINT " + name + " " + shape.definition()),
                    "ALTER TABLE IF EXISTS " + table + " DROP CONSTRAINT IF EXISTS " + name, shape),
                    "pg_constraint", row.getLong("oid"), "CONSTRAINT " + name + " ON " + table);
            if (row.getLong("conindid") != 0 && !"f".equals(row.getString("contype"))) {
                model.alias("pg_class", row.getLong("conindid"), key);
            }
        });
    }

    private void readIndexes() throws SQLException {
        queries.each("SELECT i.indexrelid, i.indexrelid::regclass::text AS name, i.indrelid,"
                + " i.indrelid::regclass::text AS table_name, pg_catalog.pg_get_indexdef(i.indexrelid) AS definition,"
                + " t.relkind = 'p' AS on_partitioned"
                + " FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class t ON t.oid = i.indrelid"
                + " WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conindid = i.indexrelid"
                + "  AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x'))"
                // an index of a partition that belongs to its parent's index is made with it
                + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h WHERE h.inhrelid = i.indexrelid)"
                + " ORDER BY 2", row -> {
            String tableKey = model.keyOf("pg_class", row.getLong("indrelid"));
            if (tableKey == null) {
                return;
            }
            String name = row.getString("name");
            boolean onPartitioned = row.getBoolean("on_partitioned");
            // ON ONLY is how pg_dump builds a partitioned index piece by piece; created whole, it reaches every partition
            String definition = onPartitioned ? row.getString("definition").replaceFirst(" ON ONLY ", " ON ") : row.getString("definition");
            IndexShape shape = new IndexShape(name, row.getString("table_name"), definition, onPartitioned);
            model.add(new CatalogObject(ObjectKind.INDEX, "index " + name, tableKey, shape.createSql(),
                    List.of(shape.createSql()), "DROP INDEX IF EXISTS " + name, shape),
                    "pg_class", row.getLong("indexrelid"), "INDEX " + name);
        });
    }
}
