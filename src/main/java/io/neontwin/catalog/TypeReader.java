package io.neontwin.catalog;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.neontwin.catalog.CatalogQueries.USER_SCHEMA;
import static io.neontwin.catalog.CatalogQueries.notInExtension;

/** Reads enums, composite types, domains and range types. */
final class TypeReader {
    private final CatalogQueries queries;
    private final ModelBuilder model;
    private final Map<Long, List<Column>> attributes;

    TypeReader(CatalogQueries queries, ModelBuilder model, Map<Long, List<Column>> attributes) {
        this.queries = queries;
        this.model = model;
        this.attributes = attributes;
    }

    void read() throws SQLException {
        Map<Long, List<String>> labels = new HashMap<>();
        queries.each("SELECT enumtypid, pg_catalog.quote_literal(enumlabel) AS label FROM pg_catalog.pg_enum"
                + " ORDER BY enumtypid, enumsortorder", row -> labels.computeIfAbsent(row.getLong(1), k -> new ArrayList<>())
                .add(row.getString(2)));
        Map<Long, Map<String, String>> domainChecks = new HashMap<>();
        queries.each("SELECT contypid, pg_catalog.quote_ident(conname), pg_catalog.pg_get_constraintdef(oid)"
                + " FROM pg_catalog.pg_constraint WHERE contypid <> 0 AND contype = 'c' ORDER BY conname",
                row -> domainChecks.computeIfAbsent(row.getLong(1), k -> new LinkedHashMap<>()).put(row.getString(2), row.getString(3)));
        queries.each("SELECT t.oid, pg_catalog.format_type(t.oid, NULL) AS name, pg_catalog.quote_ident(n.nspname) AS schema,"
                + " t.typtype, t.typrelid, t.typarray,"
                + " pg_catalog.format_type(t.typbasetype, t.typtypmod) AS base, t.typdefault, t.typnotnull,"
                + " CASE WHEN t.typcollation <> b.typcollation AND t.typcollation <> 0"
                + "  THEN pg_catalog.format('%I.%I', cn.nspname, co.collname) END AS collation,"
                + " pg_catalog.format_type(r.rngsubtype, NULL) AS subtype,"
                + " CASE WHEN r.rngsubdiff <> 0 THEN r.rngsubdiff::regproc::text END AS subtype_diff,"
                + " (pg_catalog.to_jsonb(r) ->> 'rngmultitypid')::oid AS multirange"
                + " FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
                + " LEFT JOIN pg_catalog.pg_type b ON b.oid = t.typbasetype"
                + " LEFT JOIN pg_catalog.pg_collation co ON co.oid = t.typcollation"
                + " LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace"
                + " LEFT JOIN pg_catalog.pg_range r ON r.rngtypid = t.oid"
                + " WHERE t.typtype IN ('e', 'c', 'd', 'r') AND " + USER_SCHEMA + " AND " + notInExtension("pg_type", "t.oid")
                + " AND (t.typtype <> 'c' OR (SELECT relkind FROM pg_catalog.pg_class WHERE oid = t.typrelid) = 'c')"
                + " ORDER BY 2", row -> {
            String name = row.getString("name");
            long oid = row.getLong("oid");
            String key = "type " + name;
            String typtype = row.getString("typtype");
            Object shape = null;
            List<String> create = new ArrayList<>();
            String target = "TYPE " + name;
            switch (typtype) {
                case "e" -> {
                    EnumShape enumShape = new EnumShape(name, row.getString("schema"), labels.getOrDefault(oid, List.of()));
                    shape = enumShape;
                    create.add("CREATE TYPE " + name + " AS ENUM (" + String.join(", ", enumShape.labels()) + ")");
                }
                case "c" -> {
                    List<String> fields = new ArrayList<>();
                    for (Column attribute : attributes.getOrDefault(row.getLong("typrelid"), List.of())) {
                        fields.add(attribute.name() + " " + attribute.type()
                                + (attribute.collation() == null ? "" : " COLLATE " + attribute.collation()));
                    }
                    create.add("CREATE TYPE " + name + " AS (" + String.join(", ", fields) + ")");
                    model.alias("pg_class", row.getLong("typrelid"), key);
                }
                case "d" -> {
                    String base = row.getString("base") + (row.getString("collation") == null ? "" : " COLLATE " + row.getString("collation"));
                    DomainShape domain = new DomainShape(name, base, row.getString("typdefault"), row.getBoolean("typnotnull"),
                            domainChecks.getOrDefault(oid, Map.of()));
                    shape = domain;
                    create.add("CREATE DOMAIN " + name + " AS " + base
                            + (domain.defaultSql() == null ? "" : " DEFAULT " + domain.defaultSql())
                            + (domain.notNull() ? " NOT NULL" : ""));
                    domainChecks.getOrDefault(oid, Map.of()).forEach((check, definition) ->
                            create.add("ALTER DOMAIN " + name + " ADD CONSTRAINT " + check + " " + definition));
                    target = "DOMAIN " + name;
                }
                default -> create.add("CREATE TYPE " + name + " AS RANGE (SUBTYPE = " + row.getString("subtype")
                        + (row.getString("subtype_diff") == null ? "" : ", SUBTYPE_DIFF = " + row.getString("subtype_diff")) + ")");
            }
            String drop = ("d".equals(typtype) ? "DROP DOMAIN IF EXISTS " : "DROP TYPE IF EXISTS ") + name;
            model.add(new CatalogObject(ObjectKind.TYPE, key, null, String.join(";\n", create), create, drop, shape),
                    "pg_type", oid, target);
            model.alias("pg_type", row.getLong("typarray"), key);
            if (row.getObject("multirange") != null) {
                model.alias("pg_type", row.getLong("multirange"), key);
            }
        });
    }
}
