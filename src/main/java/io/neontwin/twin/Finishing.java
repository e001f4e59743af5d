package io.neontwin.twin;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Supplier;

/** After the data and indexes: sequences as production has them, materialized views filled, statistics gathered. */
final class Finishing {
    private Finishing() {
    }

    static void setSequences(Connection staging, List<ProductionCatalog.SequenceValue> values) throws SQLException {
        try (Statement statement = staging.createStatement()) {
            for (ProductionCatalog.SequenceValue value : values) {
                statement.execute("SELECT pg_catalog.setval(" + Sql.quoteLiteral(Sql.quoteIdent(value.schema()) + "."
                        + Sql.quoteIdent(value.name())) + ", " + value.lastValue() + ", " + value.isCalled() + ")");
            }
        }
    }

    /** In pg_dump's order, which puts a view after the views it reads. */
    static void refreshMaterializedViews(Connection staging, List<String> qualifiedNames) throws SQLException {
        try (Statement statement = staging.createStatement()) {
            for (String name : qualifiedNames) {
                statement.execute("REFRESH MATERIALIZED VIEW " + name);
            }
        }
    }

    /**
     * A materialized view production has not refreshed since its tables changed holds other rows once the twin
     * refreshes it: one warning per view whose row count differs, with both counts (production's from the snapshot).
     */
    static List<String> materializedViewsThatDiffer(Connection productionSnapshot, Connection staging, List<String> qualifiedNames)
            throws SQLException {
        List<String> warnings = new java.util.ArrayList<>();
        for (String name : qualifiedNames) {
            long onProduction = count(productionSnapshot, name);
            long inTwin = count(staging, name);
            if (onProduction != inTwin) {
                warnings.add("materialized view " + name + " holds " + inTwin + " row(s) in the twin after its refresh but "
                        + onProduction + " on production, where it was last refreshed before its tables changed");
            }
        }
        return warnings;
    }

    private static long count(Connection connection, String qualifiedName) throws SQLException {
        try (Statement statement = connection.createStatement();
             java.sql.ResultSet row = statement.executeQuery("SELECT count(*) FROM " + qualifiedName)) {
            row.next();
            return row.getLong(1);
        }
    }

    static void analyze(int jobs, List<String> qualifiedNames, Supplier<Connection> staging) throws SQLException {
        ParallelSessions.run(jobs, qualifiedNames, staging, (connection, name) -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE " + name);
            }
        });
    }
}
