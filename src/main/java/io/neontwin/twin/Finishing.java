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

    static void analyze(int jobs, List<String> qualifiedNames, Supplier<Connection> staging) throws SQLException {
        ParallelSessions.run(jobs, qualifiedNames, staging, (connection, name) -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE " + name);
            }
        });
    }
}
