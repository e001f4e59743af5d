package io.neontwin.reversetwin;

import io.neontwin.connection.ConnectionSpec;
import io.neontwin.connection.Connector;
import io.neontwin.report.MigrationReport;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestServer;
import io.neontwin.twin.ProgressListener;
import io.neontwin.run.TwinMarker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the reverse-twin tests share: a production database and its twin (on two servers, both starting from the same
 * accounts table, the twin carrying the marker of this production), a migrations folder, and the engine run with a
 * sleeper that does not wait.
 */
final class ReverseTwinFixtures {
    static final String BASE_SCHEMA = "CREATE TABLE accounts (id int PRIMARY KEY, balance int NOT NULL)";
    static final String BASE_ROWS = "INSERT INTO accounts VALUES (1, 10), (2, 20), (3, 30)";
    static final String HISTORY = "neon_twin.schema_migrations";
    private static final AtomicInteger databases = new AtomicInteger();

    private ReverseTwinFixtures() {
    }

    /** A production database and its twin, copies of each other, and the folder of migrations for them. */
    static final class Pair {
        final TestServer productionServer;
        final TestServer twinServer;
        final String production;
        final String twin;
        final Path folder;
        final List<String> infos = new CopyOnWriteArrayList<>();
        final List<Duration> sleeps = new CopyOnWriteArrayList<>();
        Connector.Sleeper sleeper = sleeps::add;
        /** Called as each phase starts: where a test does what another session would do meanwhile. */
        java.util.function.Consumer<String> onPhaseStarted = phase -> { };

        Pair(TestServer productionServer, TestServer twinServer, Path folder) {
            this.productionServer = productionServer;
            this.twinServer = twinServer;
            int n = databases.incrementAndGet();
            this.production = "rt_prod_" + n;
            this.twin = "rt_twin_" + n;
            this.folder = folder;
            productionServer.createDatabase(production);
            twinServer.createDatabase(twin);
            both(BASE_SCHEMA, BASE_ROWS);
            markTwin(TwinMarker.identityOf(productionSpec()));
        }

        ConnectionSpec productionSpec() {
            return ConnectionSpec.parse("production-url", productionServer.url(production));
        }

        ConnectionSpec twinSpec() {
            return ConnectionSpec.parse("twin-url", twinServer.url(twin));
        }

        void markTwin(String mirrors) {
            String comment = new TwinMarker("neon-twin", mirrors, "2026-11-23T03:17:00Z", "test", "ready").toComment();
            twinServer.execute(twin, "COMMENT ON DATABASE " + twin + " IS '" + comment.replace("'", "''") + "'");
        }

        void both(String... statements) {
            productionServer.execute(production, statements);
            twinServer.execute(twin, statements);
        }

        Pair write(String file, String text) {
            try {
                Path path = folder.resolve(file);
                Files.createDirectories(path.getParent());
                Files.writeString(path, text, StandardCharsets.UTF_8);
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        ReverseTwinOptions options() {
            return ReverseTwinOptions.of(productionSpec(), twinSpec(), folder);
        }

        ReverseTwinResult run() {
            return run(options());
        }

        ReverseTwinResult run(ReverseTwinOptions options) {
            ProgressListener listener = new ProgressListener() {
                @Override
                public void info(String message) {
                    infos.add(message);
                }

                @Override
                public void warning(String message) {
                    infos.add("warning: " + message);
                }

                @Override
                public void phaseStarted(String phase) {
                    onPhaseStarted.accept(phase);
                }
            };
            return new ReverseTwinEngine(options, listener, new Connector(), duration -> sleeper.sleep(duration)).run();
        }

        boolean onProduction(String relation) {
            return productionServer.queryLong(production, "SELECT count(*) FROM pg_class WHERE relname = '" + relation + "'") > 0;
        }

        boolean onTwin(String relation) {
            return twinServer.queryLong(twin, "SELECT count(*) FROM pg_class WHERE relname = '" + relation + "'") > 0;
        }

        boolean historyExists() {
            return productionServer.queryString(production, "SELECT to_regclass('" + HISTORY + "')::text") != null;
        }

        /** Production's history: "version success" per row, by version order of application. */
        List<String> history() {
            return rows(productionServer, production, "SELECT version || ' ' || success FROM " + HISTORY + " ORDER BY installed_at, version");
        }

        /** Makes the twin a copy of production's migrations as of now: its schema changes and its history rows. */
        void copyHistoryToTwin(String... schemaStatements) {
            twinServer.execute(twin, schemaStatements);
            twinServer.execute(twin, "CREATE SCHEMA neon_twin", "CREATE TABLE " + HISTORY + " (version text PRIMARY KEY, "
                    + "description text, file text, checksum text, installed_at timestamptz NOT NULL DEFAULT now(), "
                    + "installed_by text NOT NULL DEFAULT current_user, execution_ms bigint, success boolean NOT NULL)");
            try (Connection from = productionServer.connect(production); Connection to = twinServer.connect(twin);
                 Statement read = from.createStatement();
                 ResultSet rows = read.executeQuery("SELECT version, description, file, checksum, execution_ms, success FROM " + HISTORY);
                 PreparedStatement insert = to.prepareStatement("INSERT INTO " + HISTORY
                         + " (version, description, file, checksum, execution_ms, success) VALUES (?, ?, ?, ?, ?, ?)")) {
                while (rows.next()) {
                    for (int i = 1; i <= 6; i++) {
                        insert.setObject(i, rows.getObject(i));
                    }
                    insert.executeUpdate();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static Pair pair(Path folder) {
        return new Pair(PostgresServers.get(15), PostgresServers.get(15, "twin"), folder);
    }

    static List<String> rows(TestServer server, String database, String sql) {
        List<String> values = new ArrayList<>();
        try (Connection connection = server.connect(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return values;
    }

    static List<String> versions(ReverseTwinResult result) {
        return result.report().migrations().stream().map(MigrationReport::version).toList();
    }

    static List<String> statuses(ReverseTwinResult result) {
        return result.report().migrations().stream().map(m -> m.version() + " " + m.status().label()).toList();
    }

    static List<String> rehearsals(ReverseTwinResult result) {
        return result.report().migrations().stream().map(m -> m.version() + " " + m.rehearsal().label()).toList();
    }

    static String failure(ReverseTwinResult result) {
        return result.report().failure() == null ? "no failure" : result.report().failure().toString();
    }

    static ReverseTwinOptions withOutOfOrder(ReverseTwinOptions o) {
        return new ReverseTwinOptions(o.production(), o.twin(), o.migrationsDir(), o.historyTable(), o.lockTimeout(),
                o.statementTimeout(), o.lockRetries(), o.dryRun(), true, o.baselineVersion(), o.force());
    }

    static ReverseTwinOptions withLocks(ReverseTwinOptions o, Duration lockTimeout, int retries) {
        return new ReverseTwinOptions(o.production(), o.twin(), o.migrationsDir(), o.historyTable(), lockTimeout,
                o.statementTimeout(), retries, o.dryRun(), o.outOfOrder(), o.baselineVersion(), o.force());
    }

    static ReverseTwinOptions withStatementTimeout(ReverseTwinOptions o, Duration statementTimeout) {
        return new ReverseTwinOptions(o.production(), o.twin(), o.migrationsDir(), o.historyTable(), o.lockTimeout(),
                statementTimeout, o.lockRetries(), o.dryRun(), o.outOfOrder(), o.baselineVersion(), o.force());
    }

    static ReverseTwinOptions withBaseline(ReverseTwinOptions o, String version) {
        return new ReverseTwinOptions(o.production(), o.twin(), o.migrationsDir(), o.historyTable(), o.lockTimeout(),
                o.statementTimeout(), o.lockRetries(), o.dryRun(), o.outOfOrder(), version, o.force());
    }

    static ReverseTwinOptions withForce(ReverseTwinOptions o) {
        return new ReverseTwinOptions(o.production(), o.twin(), o.migrationsDir(), o.historyTable(), o.lockTimeout(),
                o.statementTimeout(), o.lockRetries(), o.dryRun(), o.outOfOrder(), o.baselineVersion(), true);
    }
}
