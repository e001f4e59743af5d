package io.neontwin.reversetwin;

import io.neontwin.connection.ConnectionSpec;
import io.neontwin.errors.ExitCode;
import io.neontwin.report.ReportJson;
import io.neontwin.testing.PasswordServer;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestServer;
import io.neontwin.run.TwinMarker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.neontwin.reversetwin.ReverseTwinFixtures.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The run migrates production only: never a twin by mistake, never the twin, and it never prints a password. */
class ReverseTwinSafetyTest {
    @TempDir
    Path folder;

    @Test
    void aProductionUrlPointingAtATwinIsRefusedBeforeAnythingRuns() {
        ReverseTwinFixtures.Pair pair = ReverseTwinFixtures.pair(folder).write("V1__create_orders.sql", "CREATE TABLE orders (id int);");
        String marker = new TwinMarker("neon-twin", "db.example.com:5432/shop", "2026-11-23T03:17:00Z", "1.0", "ready").toComment();
        pair.productionServer.execute(pair.production, "COMMENT ON DATABASE " + pair.production + " IS '" + marker + "'");

        ReverseTwinResult result = pair.run();

        assertEquals(ExitCode.SAFETY, result.exitCode());
        assertEquals("preflight", result.report().failure().phase());
        String message = result.report().failure().message();
        assertTrue(message.startsWith("production-url points at a Neon twin"), message);
        assertTrue(message.contains("db.example.com:5432/shop") && message.contains("swap the URLs"), message);
        assertFalse(pair.onProduction("orders"));
        assertFalse(pair.historyExists());
    }

    @Test
    void urlsNamingTheSameDatabaseAreRefused() {
        ReverseTwinFixtures.Pair pair = ReverseTwinFixtures.pair(folder).write("V1__create_orders.sql", "CREATE TABLE orders (id int);");
        ConnectionSpec production = pair.productionSpec();
        ReverseTwinOptions options = ReverseTwinOptions.of(production,
                ConnectionSpec.parse("twin-url", pair.productionServer.url(pair.production).replace("127.0.0.1", "localhost")), folder);

        ReverseTwinResult result = pair.run(options);

        assertEquals(ExitCode.SAFETY, result.exitCode());
        assertTrue(result.report().failure().message().contains("points at production's own database"), failure(result));
        assertFalse(pair.onProduction("orders"));
    }

    @Test
    void aTwinOfAnotherProductionIsRefusedUnlessForcedAndATwinWithoutMarkerIsWarnedAbout() {
        ReverseTwinFixtures.Pair pair = ReverseTwinFixtures.pair(folder).write("V1__create_orders.sql", "CREATE TABLE orders (id int);");
        pair.markTwin("other-host:5432/other_shop");

        ReverseTwinResult refused = pair.run(pair.options().withDryRun(true));
        assertEquals(ExitCode.SAFETY, refused.exitCode());
        assertTrue(refused.report().failure().message().contains("is a twin of other-host:5432/other_shop"), failure(refused));
        assertTrue(refused.report().failure().message().contains("--force"), failure(refused));

        ReverseTwinResult forced = pair.run(ReverseTwinFixtures.withForce(pair.options().withDryRun(true)));
        assertEquals(ExitCode.OK, forced.exitCode(), () -> failure(forced));
        assertTrue(forced.report().warnings().stream().anyMatch(w -> w.contains("another production")), forced.report().warnings()::toString);

        pair.twinServer.execute(pair.twin, "COMMENT ON DATABASE " + pair.twin + " IS NULL");
        ReverseTwinResult unmarked = pair.run(pair.options().withDryRun(true));
        assertEquals(ExitCode.OK, unmarked.exitCode(), () -> failure(unmarked));
        assertTrue(unmarked.report().warnings().stream().anyMatch(w -> w.contains("has no neon-twin marker")),
                unmarked.report().warnings()::toString);
    }

    @Test
    void thePasswordNeverAppearsInTheReportEvenWhenTheServerQuotesIt() {
        TestServer superuser = PasswordServer.get();
        String database = "rt_password_prod";
        superuser.createDatabase(database);
        superuser.execute("postgres", "ALTER DATABASE " + database + " OWNER TO " + PasswordServer.ROLE);
        TestServer owner = new TestServer(15, superuser.host(), superuser.port(), PasswordServer.ROLE, PasswordServer.PASSWORD);
        owner.execute(database, ReverseTwinFixtures.BASE_SCHEMA);
        TestServer twinServer = PostgresServers.get(15, "twin");
        twinServer.createDatabase("rt_password_twin");
        twinServer.execute("rt_password_twin", ReverseTwinFixtures.BASE_SCHEMA);
        ConnectionSpec production = ConnectionSpec.parse("production-url", owner.url(database));
        ConnectionSpec twin = ConnectionSpec.parse("twin-url", twinServer.url("rt_password_twin"));
        ReverseTwinFixtures.Pair files = new ReverseTwinFixtures.Pair(PostgresServers.get(15), twinServer, folder);
        files.write("V1__create_orders.sql", "CREATE TABLE orders (id int);");

        ReverseTwinResult applied = files.run(ReverseTwinOptions.of(production, twin, folder));
        assertEquals(ExitCode.OK, applied.exitCode(), () -> failure(applied));
        assertEquals(List.of("1 true"), ReverseTwinFixtures.rows(owner, database,
                "SELECT version || ' ' || success FROM " + ReverseTwinFixtures.HISTORY));

        files.write("V2__quotes_the_password.sql", "SELECT '" + PasswordServer.PASSWORD + "'::int;");
        ReverseTwinResult failed = files.run(ReverseTwinOptions.of(production, twin, folder));

        assertEquals(ExitCode.MIGRATION_FAILED, failed.exitCode());
        for (ReverseTwinResult result : List.of(applied, failed)) {
            String json = ReportJson.toJson(result.report());
            assertFalse(json.contains(PasswordServer.PASSWORD), json);
        }
        assertTrue(failed.report().failedMigration().message().contains("***"), failed.report().failedMigration().message());
        assertTrue(files.infos.stream().noneMatch(line -> line.contains(PasswordServer.PASSWORD)));
    }

    @Test
    void aRoleThatMayNotCreateTheHistoryTableIsToldWhichGrantItNeeds() {
        TestServer superuser = PasswordServer.get();
        String database = "rt_no_create_prod";
        superuser.createDatabase(database);
        superuser.execute(database, "GRANT CONNECT ON DATABASE " + database + " TO " + PasswordServer.ROLE);
        TestServer role = new TestServer(15, superuser.host(), superuser.port(), PasswordServer.ROLE, PasswordServer.PASSWORD);
        ReverseTwinFixtures.Pair files = ReverseTwinFixtures.pair(folder).write("V1__check.sql", "SELECT 1;");
        ReverseTwinOptions options = ReverseTwinOptions.of(ConnectionSpec.parse("production-url", role.url(database)),
                files.twinSpec(), folder);

        ReverseTwinResult result = files.run(ReverseTwinFixtures.withForce(options));

        assertEquals(ExitCode.PRIVILEGE, result.exitCode(), () -> failure(result));
        String message = result.report().failure().message();
        assertTrue(message.contains("may not create the schema neon_twin"), message);
        assertTrue(message.contains("GRANT CREATE ON DATABASE \"" + database + "\" TO " + PasswordServer.ROLE), message);
        assertEquals(0, superuser.queryLong(database, "SELECT count(*) FROM pg_namespace WHERE nspname = 'neon_twin'"));
    }

    @Test
    void aPasswordInAFailingMigrationStatementNeverReachesTheReport() {
        ReverseTwinFixtures.Pair pair = ReverseTwinFixtures.pair(folder)
                .write("V1__reader_role.sql", "CREATE ROLE rt_reader LOGIN PASSWORD 'Hunter2-in-a-migration' NO_SUCH_OPTION;");

        ReverseTwinResult result = pair.run();

        assertEquals(ExitCode.MIGRATION_FAILED, result.exitCode());
        String json = io.neontwin.report.ReportJson.toJson(result.report());
        assertTrue(json.contains("PASSWORD '***'"), json);
        assertFalse(json.contains("Hunter2-in-a-migration"), json);
    }
}
