package io.neontwin.catalog;

import java.sql.SQLException;
import java.util.List;

import static io.neontwin.catalog.CatalogQueries.USER_SCHEMA;
import static io.neontwin.catalog.CatalogQueries.notInExtension;

/** Reads schemas, extensions, functions, procedures, aggregates, triggers and row security policies. */
final class RoutineReader {
    private final CatalogQueries queries;
    private final ModelBuilder model;

    RoutineReader(CatalogQueries queries, ModelBuilder model) {
        this.queries = queries;
        this.model = model;
    }

    void readSchemasAndExtensions() throws SQLException {
        queries.each("SELECT n.oid, pg_catalog.quote_ident(n.nspname) AS name FROM pg_catalog.pg_namespace n WHERE "
                + USER_SCHEMA + " AND " + notInExtension("pg_namespace", "n.oid") + " ORDER BY 2", row -> {
            String name = row.getString("name");
            model.add(new CatalogObject(ObjectKind.SCHEMA, "schema " + name, null, name, List.of("CREATE SCHEMA " + name),
                    "DROP SCHEMA IF EXISTS " + name, null), "pg_namespace", row.getLong("oid"), "SCHEMA " + name);
        });
        queries.each("SELECT e.oid, pg_catalog.quote_ident(e.extname) AS name, pg_catalog.quote_ident(n.nspname) AS schema,"
                + " pg_catalog.quote_literal(e.extversion) AS version FROM pg_catalog.pg_extension e"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace ORDER BY 2", row -> {
            ExtensionShape shape = new ExtensionShape(row.getString("name"), row.getString("schema"), row.getString("version"));
            String key = "extension " + shape.name();
            model.add(new CatalogObject(ObjectKind.EXTENSION, key, null, shape.schema() + " " + shape.version(),
                    List.of("CREATE EXTENSION IF NOT EXISTS " + shape.name() + " WITH SCHEMA " + shape.schema()
                            + " VERSION " + shape.version()), "DROP EXTENSION IF EXISTS " + shape.name(), shape),
                    "pg_extension", row.getLong("oid"), "EXTENSION " + shape.name());
        });
    }

    void readRoutines() throws SQLException {
        queries.each("SELECT p.oid, p.oid::regprocedure::text AS signature, p.prokind,"
                + " CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END AS definition,"
                + " pg_catalog.pg_get_function_arguments(p.oid) AS arguments, pg_catalog.pg_get_function_result(p.oid) AS result"
                + " FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
                + " WHERE p.prokind <> 'a' AND " + USER_SCHEMA + " AND " + notInExtension("pg_proc", "p.oid")
                + " ORDER BY 2", row -> {
            String word = "p".equals(row.getString("prokind")) ? "PROCEDURE" : "FUNCTION";
            String signature = row.getString("signature");
            String definition = row.getString("definition").strip();
            model.add(new CatalogObject(ObjectKind.FUNCTION, "function " + signature, null, definition,
                    List.of(definition), "DROP " + word + " IF EXISTS " + signature,
                    new FunctionShape(word, row.getString("arguments"), row.getString("result"))), "pg_proc", row.getLong("oid"), word + " " + signature);
        });
        queries.each("SELECT p.oid, p.oid::regprocedure::text AS signature, a.aggtransfn::regproc::text AS sfunc,"
                + " pg_catalog.format_type(a.aggtranstype, NULL) AS stype,"
                + " CASE WHEN a.aggfinalfn <> 0 THEN a.aggfinalfn::regproc::text END AS finalfunc,"
                + " CASE WHEN a.aggcombinefn <> 0 THEN a.aggcombinefn::regproc::text END AS combinefunc,"
                + " pg_catalog.quote_literal(a.agginitval) AS initcond"
                + " FROM pg_catalog.pg_aggregate a JOIN pg_catalog.pg_proc p ON p.oid = a.aggfnoid"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
                + " WHERE a.aggkind = 'n' AND " + USER_SCHEMA + " AND " + notInExtension("pg_proc", "p.oid")
                + " ORDER BY 2", row -> {
            String signature = row.getString("signature");
            String create = "CREATE AGGREGATE " + signature + " (SFUNC = " + row.getString("sfunc") + ", STYPE = "
                    + row.getString("stype")
                    + (row.getString("finalfunc") == null ? "" : ", FINALFUNC = " + row.getString("finalfunc"))
                    + (row.getString("combinefunc") == null ? "" : ", COMBINEFUNC = " + row.getString("combinefunc"))
                    + (row.getString("initcond") == null ? "" : ", INITCOND = " + row.getString("initcond")) + ")";
            model.add(new CatalogObject(ObjectKind.AGGREGATE, "aggregate " + signature, null, create, List.of(create),
                    "DROP AGGREGATE IF EXISTS " + signature, null), "pg_proc", row.getLong("oid"), "AGGREGATE " + signature);
        });
    }

    /** After the tables: triggers and policies belong to one. */
    void readTriggersAndPolicies() throws SQLException {
        queries.each("SELECT t.oid, pg_catalog.quote_ident(t.tgname) AS name, t.tgrelid, t.tgenabled,"
                + " t.tgrelid::regclass::text AS table_name, pg_catalog.pg_get_triggerdef(t.oid) AS definition"
                + " FROM pg_catalog.pg_trigger t WHERE NOT t.tgisinternal AND t.tgparentid = 0 ORDER BY 5, 2", row -> {
            String tableKey = model.keyOf("pg_class", row.getLong("tgrelid"));
            if (tableKey == null) {
                return;
            }
            TriggerShape shape = new TriggerShape(row.getString("table_name"), row.getString("name"), row.getString("definition"),
                    TriggerState.of(row.getString("tgenabled")));
            String on = shape.name() + " ON " + shape.table();
            model.add(new CatalogObject(ObjectKind.TRIGGER, "trigger " + on, tableKey, shape.definition() + " " + shape.state(),
                    shape.state() == TriggerState.ENABLED ? List.of(shape.definition()) : List.of(shape.definition(), shape.stateSql()),
                    "DROP TRIGGER IF EXISTS " + on, shape), "pg_trigger", row.getLong("oid"), "TRIGGER " + on);
        });
        queries.each("SELECT p.oid, pg_catalog.quote_ident(p.polname) AS name, p.polrelid,"
                + " p.polrelid::regclass::text AS table_name, p.polpermissive, p.polcmd,"
                + " (SELECT pg_catalog.string_agg(CASE WHEN r = 0 THEN 'PUBLIC' ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(r)) END, ', ' ORDER BY 1)"
                + "  FROM pg_catalog.unnest(p.polroles) r) AS roles,"
                + " pg_catalog.pg_get_expr(p.polqual, p.polrelid) AS qual, pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) AS with_check"
                + " FROM pg_catalog.pg_policy p ORDER BY 4, 2", row -> {
            String tableKey = model.keyOf("pg_class", row.getLong("polrelid"));
            if (tableKey == null) {
                return;
            }
            String command = switch (row.getString("polcmd")) {
                case "r" -> "SELECT";
                case "a" -> "INSERT";
                case "w" -> "UPDATE";
                case "d" -> "DELETE";
                default -> "ALL";
            };
            String on = row.getString("name") + " ON " + row.getString("table_name");
            String create = "CREATE POLICY " + on + " AS " + (row.getBoolean("polpermissive") ? "PERMISSIVE" : "RESTRICTIVE")
                    + " FOR " + command + " TO " + row.getString("roles")
                    + (row.getString("qual") == null ? "" : " USING (" + row.getString("qual") + ")")
                    + (row.getString("with_check") == null ? "" : " WITH CHECK (" + row.getString("with_check") + ")");
            model.add(new CatalogObject(ObjectKind.POLICY, "policy " + on, tableKey, create, List.of(create),
                    "DROP POLICY IF EXISTS " + on, null), "pg_policy", row.getLong("oid"), "POLICY " + on);
        });
    }
}
