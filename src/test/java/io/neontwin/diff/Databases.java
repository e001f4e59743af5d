package io.neontwin.diff;

import io.neontwin.catalog.CatalogReader;
import io.neontwin.catalog.SchemaModel;
import io.neontwin.testing.TestServer;

import io.neontwin.connection.ConnectionSpec;
import io.neontwin.pgclient.PgClient;
import io.neontwin.testing.TestClients;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

    /** A file through psql (pg_dump's files hold COPY ... FROM stdin). */
    static void loadFile(TestServer server, String database, Path file) throws IOException, InterruptedException {
        PgClient client = TestClients.newest();
        Process psql = new ProcessBuilder(client.psql().toString(), "--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1",
                "--file=" + file, "--dbname=" + ConnectionSpec.parse("test", server.url(database)).libpqConninfo())
                .redirectErrorStream(true).start();
        String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (psql.waitFor() != 0) {
            throw new IllegalStateException("psql failed on " + file + ": " + output);
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
