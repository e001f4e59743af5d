package io.neontwin.twin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** After the data and indexes: sequences as production has them, materialized views filled, statistics gathered. */
final class Finishing {
    private Finishing() {
    }

    /** All in one statement: a large schema has thousands of sequences, and a round trip each adds up. */
    static void setSequences(Connection staging, List<ProductionCatalog.SequenceValue> values) throws SQLException {
        if (values.isEmpty()) {
            return;
        }
        String[] names = new String[values.size()];
        Long[] lastValues = new Long[values.size()];
        Boolean[] called = new Boolean[values.size()];
        for (int i = 0; i < values.size(); i++) {
            ProductionCatalog.SequenceValue value = values.get(i);
            names[i] = Sql.quoteIdent(value.schema()) + "." + Sql.quoteIdent(value.name());
            lastValues[i] = value.lastValue();
            called[i] = value.isCalled();
        }
        try (PreparedStatement statement = staging.prepareStatement("SELECT count(pg_catalog.setval(s.name::regclass, s.last_value, s.called))"
                + " FROM unnest(?::text[], ?::bigint[], ?::boolean[]) AS s(name, last_value, called)")) {
            statement.setArray(1, staging.createArrayOf("text", names));
            statement.setArray(2, staging.createArrayOf("bigint", lastValues));
            statement.setArray(3, staging.createArrayOf("boolean", called));
            statement.executeQuery().close();
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

    /**
     * Several tables per ANALYZE statement (PostgreSQL commits after each table, so no locks pile up), spread over
     * the sessions round robin: a statement per table costs a round trip each on a schema of thousands of tables.
     */
    static void analyze(int jobs, List<String> qualifiedNames, Supplier<Connection> staging) throws SQLException {
        ParallelSessions.run(jobs, analyzeBatches(jobs, qualifiedNames), staging, (connection, names) -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE " + String.join(", ", names));
            }
        });
    }

    /** At least two batches per session, so one slow table does not hold the rest; at most 50 tables per batch. */
    static List<List<String>> analyzeBatches(int jobs, List<String> qualifiedNames) {
        int count = Math.min(qualifiedNames.size(), Math.max(2 * jobs, (qualifiedNames.size() + 49) / 50));
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batches.add(new ArrayList<>());
        }
        for (int i = 0; i < qualifiedNames.size(); i++) {
            batches.get(i % count).add(qualifiedNames.get(i));
        }
        return batches;
    }
}
