package io.neontwin.twin;

import io.neontwin.connection.ConnectionSpec;
import io.neontwin.pgclient.PgClient;
import io.neontwin.testing.TestClients;
import io.neontwin.testing.TestServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the twin tests share: loading SQL with psql, running the engine, and comparing two databases. */
final class TwinFixtures {
    static final Path SHARED = Path.of(System.getProperty("neontwin.projectDir", ".")).resolve("../shared").normalize();
    static final Path PAGILA = SHARED.resolve("fixtures/pagila");

    private TwinFixtures() {
    }

    static void loadSql(TestServer server, String database, Path file) {
        PgClient client = TestClients.newest();
        run(List.of(client.psql().toString(), "--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", "--file=" + file,
                "--dbname=" + ConnectionSpec.parse("test", server.url(database)).libpqConninfo()));
    }

    static void loadResource(TestServer server, String database, String resource) {
        try {
            Path file = Files.createTempFile("schema", ".sql");
            try (var in = TwinFixtures.class.getResourceAsStream(resource)) {
                Files.write(file, in.readAllBytes());
            }
            loadSql(server, database, file);
            Files.delete(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static TwinResult twin(TestServer production, String productionDb, TestServer twin, String twinDb) {
        return twin(options(production, productionDb, twin, twinDb));
    }

    static TwinOptions options(TestServer production, String productionDb, TestServer twin, String twinDb) {
        return TwinOptions.of(ConnectionSpec.parse("production-url", production.url(productionDb)),
                        ConnectionSpec.parse("twin-url", twin.url(twinDb)))
                .withJobs(3).withPgBinDirs(TestClients.extraBinDirs());
    }

    static TwinResult twin(TwinOptions options) {
        return new TwinEngine(options, ProgressListener.SILENT).run();
    }

    /** The real jar, `twin --jobs 1` plus the given arguments, in a child JVM with this heap (-Xmx, in MB). */
    static io.neontwin.cli.CliProcess.Result twinWithHeap(int heapMb, String productionUrl, String twinUrl, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("twin", "--jobs", "1"));
        args.addAll(List.of(extraArgs));
        TestClients.extraBinDirs().forEach(dir -> args.add("--pg-bin=" + dir));
        return io.neontwin.cli.CliProcess.run(List.of("-Xmx" + heapMb + "m"),
                Map.of("NEON_TWIN_PRODUCTION_URL", productionUrl, "NEON_TWIN_TWIN_URL", twinUrl), args.toArray(String[]::new));
    }

    /**
     * The schema as pg_dump --schema-only prints it, owners and privileges aside, without the lines that differ
     * between any two dumps (comments with versions, \restrict keys, SET lines).
     */
    static List<String> schemaOf(TestServer server, String database) {
        PgClient client = TestClients.newest();
        try {
            Path out = Files.createTempFile("schema", ".sql");
            run(List.of(client.pgDump().toString(), "--schema-only", "--no-owner", "--no-acl", "--file=" + out,
                    "--dbname=" + ConnectionSpec.parse("test", server.url(database)).libpqConninfo()));
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("--") || line.startsWith("\\") || line.startsWith("SET ")
                        || line.startsWith("SELECT pg_catalog.set_config")) {
                    continue;
                }
                lines.add(line);
            }
            Files.delete(out);
            return lines;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fails with the lines that differ, not two whole schemas. */
    static void assertSameSchema(List<String> expected, List<String> actual) {
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(actual);
        List<String> extra = new ArrayList<>(actual);
        extra.removeAll(expected);
        org.junit.jupiter.api.Assertions.assertTrue(missing.isEmpty() && extra.isEmpty() && expected.equals(actual),
                () -> "schemas differ; only on production: " + missing + "; only in the twin: " + extra
                        + (missing.isEmpty() && extra.isEmpty() ? " (same lines, other order)" : ""));
    }

    /** Every table's and populated materialized view's exact row count, by schema-qualified name. */
    static Map<String, Long> rowCounts(TestServer server, String database) {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = server.connect(database); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("""
                    SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE (c.relkind = 'r' OR c.relkind = 'm' AND c.relispopulated) AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                      AND n.nspname NOT LIKE 'pg\\_toast%'""")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet row = statement.executeQuery("SELECT count(*) FROM ONLY " + table)) {
                    row.next();
                    counts.put(table, row.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    /**
     * Every table's and populated materialized view's rows, each as to_jsonb, sorted: equal maps mean equal content,
     * value for value, whatever order the rows are stored in.
     */
    static Map<String, String> tableContents(TestServer server, String database) {
        Map<String, String> contents = new TreeMap<>();
        for (String table : rowCounts(server, database).keySet()) {
            contents.put(table, server.queryString(database, "SELECT count(*) || ' row(s): ' || coalesce(string_agg(j, E'\\n' ORDER BY j), '') "
                    + "FROM (SELECT to_jsonb(t)::text AS j FROM ONLY " + table + " t) rows"));
        }
        return contents;
    }

    /**
     * Dumps of servers of different majors differ in ways that are not the twin's doing: PostgreSQL 16+ prints view
     * columns without their table ("SELECT id" for "SELECT people.id"). Qualifiers are dropped on both sides alike.
     */
    static List<String> withoutQualifiers(List<String> schema) {
        List<String> lines = new ArrayList<>();
        for (String line : schema) {
            lines.add(line.replaceAll("\\b[a-z_]+\\.(?=[a-z_]+\\b)", "").strip());
        }
        return lines;
    }

    /** Every sequence's last value. */
    static Map<String, Long> sequenceValues(TestServer server, String database) {
        Map<String, Long> values = new TreeMap<>();
        try (Connection connection = server.connect(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT schemaname || '.' || sequencename, last_value FROM pg_sequences")) {
            while (rows.next()) {
                values.put(rows.getString(1), rows.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

    static boolean databaseExists(TestServer server, String database) {
        return server.queryLong("postgres", "SELECT count(*) FROM pg_database WHERE datname = '" + database + "'") == 1;
    }

    private static void run(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(command.get(0) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
