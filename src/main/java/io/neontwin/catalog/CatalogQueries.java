package io.neontwin.catalog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs one catalog query and hands each row to the reader. */
final class CatalogQueries {
    /** Schemas of the system (pg_catalog, information_schema, pg_toast, temporary schemas) are never read. */
    static final String USER_SCHEMA = "n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'";

    interface Row {
        void read(ResultSet row) throws SQLException;
    }

    private final Connection connection;

    CatalogQueries(Connection connection) {
        this.connection = connection;
    }

    /**
     * Objects an extension installed belong to it (CREATE EXTENSION makes them), and objects PostgreSQL makes with
     * another (a range type's constructor functions) belong to that one: the diff leaves both alone.
     */
    static String notInExtension(String catalog, String oidColumn) {
        return "NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x WHERE x.classid = '" + catalog
                + "'::regclass AND x.objid = " + oidColumn
                // a partitioned table depends internally on its own key columns: that is not belonging to another
                + " AND (x.deptype = 'e' OR x.deptype = 'i' AND x.refobjid <> x.objid))";
    }

    void each(String sql, Row row) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                row.read(rows);
            }
        }
    }
}
