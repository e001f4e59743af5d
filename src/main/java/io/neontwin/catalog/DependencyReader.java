package io.neontwin.catalog;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads what ties the objects together once they are all known: dependencies (pg_depend), comments
 * (pg_description) and, on request, privileges (the ACL columns).
 */
final class DependencyReader {
    /** Objects with a smaller oid come with PostgreSQL itself (but the public schema's comment and grants count). */
    private static final String USER_OID = "16384";

    private final CatalogQueries queries;
    private final ModelBuilder model;

    DependencyReader(CatalogQueries queries, ModelBuilder model) {
        this.queries = queries;
        this.model = model;
    }

    void readDependencies() throws SQLException {
        queries.each("SELECT classid::regclass::text, objid, refclassid::regclass::text, refobjid"
                + " FROM pg_catalog.pg_depend WHERE deptype IN ('n', 'a') AND objid >= " + USER_OID, row -> {
            String key = model.keyOf(row.getString(1), row.getLong(2));
            String on = model.keyOf(row.getString(3), row.getLong(4));
            if (key == null || on == null) {
                return;
            }
            // a sequence's OWNED BY is an object of its own, made after the table: as an edge it would be a cycle
            // (the table's default calls the sequence, the sequence belongs to the table)
            if (model.get(key).kind() == ObjectKind.SEQUENCE && model.get(on).kind() == ObjectKind.TABLE) {
                return;
            }
            model.dependOn(key, on);
        });
    }

    void readComments() throws SQLException {
        queries.each("SELECT d.classoid::regclass::text, d.objoid, d.objsubid,"
                + " CASE WHEN d.objsubid > 0 THEN d.objoid::regclass::text || '.' || pg_catalog.quote_ident(a.attname) END AS column_name,"
                + " pg_catalog.quote_literal(d.description) AS text FROM pg_catalog.pg_description d"
                + " LEFT JOIN pg_catalog.pg_attribute a ON d.classoid = 'pg_class'::regclass AND a.attrelid = d.objoid"
                + "  AND a.attnum = d.objsubid WHERE (d.objoid >= " + USER_OID + " OR d.classoid = 'pg_namespace'::regclass)"
                + " ORDER BY 1, 2, 3", row -> {
            String about = model.keyOf(row.getString(1), row.getLong(2));
            String target = row.getInt(3) > 0 ? "COLUMN " + row.getString("column_name") : model.targetOf(row.getString(1), row.getLong(2));
            if (about == null || target == null) {
                return;
            }
            model.addAbout(ObjectKind.COMMENT, "comment on " + target, about, row.getString("text"),
                    List.of("COMMENT ON " + target + " IS " + row.getString("text")), "COMMENT ON " + target + " IS NULL");
        });
    }

    /** The grants to others than the owner, one object per object and grantee; the owner's own are left alone. */
    void readPrivileges() throws SQLException {
        readPrivileges("pg_class", "relacl", "CASE WHEN t.relkind = 'S' THEN 's' ELSE 'r' END", "relowner");
        readPrivileges("pg_proc", "proacl", "'f'", "proowner");
        readPrivileges("pg_namespace", "nspacl", "'n'", "nspowner");
        readPrivileges("pg_type", "typacl", "'T'", "typowner");
    }

    private void readPrivileges(String catalog, String aclColumn, String defaultKind, String ownerColumn) throws SQLException {
        Map<String, List<String>> privileges = new TreeMap<>();
        Map<String, List<String>> defaults = new TreeMap<>();
        Map<String, String> aboutByGrant = new TreeMap<>();
        String defaultAcl = "pg_catalog.acldefault((" + defaultKind + ")::\"char\", t." + ownerColumn + ")";
        // the default grants (EXECUTE on functions to PUBLIC...) are read too: one revoked shows as an empty grant
        queries.each("SELECT t.oid, CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(a.grantee)) END,"
                + " a.privilege_type, a.is_grantable, source FROM pg_catalog." + catalog + " t,"
                + " LATERAL (SELECT e.*, 'granted' AS source FROM pg_catalog.aclexplode(coalesce(t." + aclColumn + ", " + defaultAcl + ")) e"
                + "  UNION ALL SELECT e.*, 'default' FROM pg_catalog.aclexplode(" + defaultAcl + ") e) a"
                + " WHERE (t.oid >= " + USER_OID + " OR '" + catalog + "' = 'pg_namespace') AND a.grantee <> t." + ownerColumn + " ORDER BY 1, 2, 3", row -> {
            String about = model.keyOf(catalog, row.getLong(1));
            String target = model.targetOf(catalog, row.getLong(1));
            if (about == null || target == null || model.get(about).kind() == ObjectKind.CONSTRAINT) {
                return;
            }
            String grantKey = grantTarget(target) + " TO " + row.getString(2);
            String privilege = row.getString(3) + (row.getBoolean(4) ? "*" : "");
            (row.getString(5).equals("default") ? defaults : privileges).computeIfAbsent(grantKey, k -> new ArrayList<>()).add(privilege);
            privileges.computeIfAbsent(grantKey, k -> new ArrayList<>());
            aboutByGrant.put(grantKey, about);
        });
        privileges.forEach((grantKey, granted) -> {
            int to = grantKey.lastIndexOf(" TO ");
            String target = grantKey.substring(0, to);
            String grantee = grantKey.substring(to + 4);
            List<String> create = new ArrayList<>();
            List<String> plain = granted.stream().filter(p -> !p.endsWith("*")).toList();
            List<String> withOption = granted.stream().filter(p -> p.endsWith("*")).map(p -> p.substring(0, p.length() - 1)).toList();
            String revoke = "REVOKE ALL ON " + target + " FROM " + grantee;
            if (granted.isEmpty()) {
                create.add(revoke);
            }
            if (!plain.isEmpty()) {
                create.add("GRANT " + String.join(", ", plain) + " ON " + target + " TO " + grantee);
            }
            if (!withOption.isEmpty()) {
                create.add("GRANT " + String.join(", ", withOption) + " ON " + target + " TO " + grantee + " WITH GRANT OPTION");
            }
            boolean asByDefault = granted.equals(defaults.getOrDefault(grantKey, List.of()));
            model.add(new CatalogObject(ObjectKind.PRIVILEGE, "privileges on " + grantKey, aboutByGrant.get(grantKey),
                    String.join(",", granted), create, revoke, new GrantShape(asByDefault)), null, 0, null);
        });
    }

    /** GRANT names views and materialized views TABLE, aggregates FUNCTION and domains TYPE. */
    private static String grantTarget(String target) {
        for (String[] word : new String[][]{{"MATERIALIZED VIEW ", "TABLE "}, {"VIEW ", "TABLE "}, {"AGGREGATE ", "FUNCTION "},
                {"DOMAIN ", "TYPE "}}) {
            if (target.startsWith(word[0])) {
                return word[1] + target.substring(word[0].length());
            }
        }
        return target;
    }
}
