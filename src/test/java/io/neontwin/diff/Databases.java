package io.neontwin.diff;

import io.neontwin.catalog.CatalogReader;
import io.neontwin.catalog.SchemaModel;
import io.neontwin.testing.TestServer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** What the diff's tests do to real databases: load a schema, read its model, apply a diff. */
final class Databases {
    private Databases() {
    }

    static void load(TestServer server, String database, String sql) {
        server.createDatabase(database);
        if (!sql.isBlank()) {
            server.execute(database, sql);
        }
    }

    static SchemaModel model(TestServer server, String database) {
        try (Connection connection = server.connect(database)) {
            return CatalogReader.read(connection, true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static SchemaDiff diff(TestServer server, String from, String to) {
        return SchemaDiffer.between(model(server, from), model(server, to));
    }

    /** Each statement on its own, as the reverse twin runs a migration with statements that refuse a transaction. */
    static void apply(TestServer server, String database, SchemaDiff diff) {
        try (Connection connection = server.connect(database); Statement statement = connection.createStatement()) {
            for (DiffStatement step : diff.statements()) {
                try {
                    statement.execute(step.sql());
                } catch (SQLException e) {
                    throw new AssertionError("the diff's statement failed: " + step.sql() + "\n" + e.getMessage()
                            + "\nwhole diff:\n" + diff.script("diff"), e);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
