package io.neontwin.twin;

import io.neontwin.connection.ConnectionSpec;
import io.neontwin.report.Outcome;
import io.neontwin.report.TwinReport;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestClients;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Production's database-level settings (ALTER DATABASE ... SET) arrive on the twin exactly as production stores
 * them, so sessions on the twin start as they do on production; settings for single roles do not.
 */
class DatabaseSettingsTest {
    static TestServer production;
    static TestServer twin;

    @BeforeAll
    static void productionWithDatabaseSettings() {
        production = PostgresServers.get(15);
        twin = PostgresServers.get(15, "twin");
        production.execute("postgres",
                "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'reporting') THEN CREATE ROLE reporting; END IF; END $$");
        production.createDatabase("configured");
        production.execute("configured",
                "CREATE SCHEMA app",
                "CREATE SCHEMA \"My Schema\"",
                "CREATE TABLE app.accounts (id int PRIMARY KEY, name text)",
                "INSERT INTO app.accounts SELECT g, 'account ' || g FROM generate_series(1, 10) g",
                "ALTER DATABASE configured SET search_path = \"$user\", \"My Schema\", \"Sales, EU\", app, public",
                "ALTER DATABASE configured SET timezone = 'Europe/Paris'",
                "ALTER DATABASE configured SET app.tenant = 'it''s'",
                "ALTER DATABASE configured SET statement_timeout = '30s'",
                "ALTER DATABASE configured SET default_text_search_config = 'pg_catalog.german'",
                "ALTER ROLE reporting IN DATABASE configured SET work_mem = '64MB'");
    }

    @Test
    void theTwinDatabaseHoldsProductionsSettingsAndNewSessionsSeeThem() {
        twin.dropDatabase("configured_twin");
        List<TwinPlan> plans = new ArrayList<>();
        List<String> infos = new ArrayList<>();
        TwinReport report = new TwinEngine(TwinFixtures.options(production, "configured", twin, "configured_twin"), new ProgressListener() {
            @Override
            public void planReady(TwinPlan plan) {
                plans.add(plan);
            }

            @Override
            public void info(String message) {
                infos.add(message);
            }
        }).run().report();

        assertEquals(Outcome.SUCCEEDED, report.outcome(), () -> String.valueOf(report.failure()));
        assertEquals(settingsOf(production, "configured"), settingsOf(twin, "configured_twin"));
        for (String setting : List.of("search_path", "TimeZone", "app.tenant", "statement_timeout", "default_text_search_config")) {
            assertEquals(production.queryString("configured", "SELECT current_setting('" + setting + "')"),
                    twin.queryString("configured_twin", "SELECT current_setting('" + setting + "')"), setting);
        }
        assertEquals("it's", twin.queryString("configured_twin", "SHOW app.tenant"));
        assertEquals(10, twin.queryLong("configured_twin", "SELECT count(*) FROM accounts"), "the search_path finds app.accounts unqualified");
        assertTrue(PlanPrinter.render(plans.get(0)).contains("5 database setting(s)"), () -> PlanPrinter.render(plans.get(0)));
        assertTrue(infos.contains("copied 5 of 5 database setting(s) (ALTER DATABASE ... SET)"), infos::toString);
    }

    @Test
    void settingsForOneRoleInProductionsDatabaseAreNotCopiedAndAWarningNamesThem() {
        twin.dropDatabase("configured_roles");
        TwinReport report = TwinFixtures.twin(production, "configured", twin, "configured_roles").report();

        assertEquals(Outcome.SUCCEEDED, report.outcome(), () -> String.valueOf(report.failure()));
        assertEquals(0, twin.queryLong("postgres", "SELECT count(*) FROM pg_db_role_setting WHERE setrole <> 0"
                + " AND setdatabase = (SELECT oid FROM pg_database WHERE datname = 'configured_roles')"));
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains("per-role settings") && w.contains("reporting (work_mem)")),
                report.warnings()::toString);
    }

    @Test
    void aRefreshKeepsTheSettingsOnceEachAndTakesProductionsChanges() {
        twin.dropDatabase("configured_refresh");
        assertEquals(Outcome.SUCCEEDED, TwinFixtures.twin(production, "configured", twin, "configured_refresh").report().outcome());
        twin.execute("postgres", "ALTER DATABASE configured_refresh SET work_mem = '1MB'");
        production.execute("configured", "ALTER DATABASE configured SET lock_timeout = '5s'");
        try {
            TwinReport second = TwinFixtures.twin(production, "configured", twin, "configured_refresh").report();

            assertEquals(Outcome.SUCCEEDED, second.outcome(), () -> String.valueOf(second.failure()));
            assertEquals(settingsOf(production, "configured"), settingsOf(twin, "configured_refresh"),
                    "production's settings, each once; the one set on the previous twin is gone with it");
            assertFalse(TwinFixtures.databaseExists(twin, "configured_refresh__twin_staging"));
        } finally {
            production.execute("configured", "ALTER DATABASE configured RESET lock_timeout");
        }
    }

    @Test
    void aSettingTheTwinsRoleMayNotSetIsSkippedWithAWarningAndTheOthersArrive() {
        production.createDatabase("superuser_settings");
        production.execute("superuser_settings", "CREATE TABLE t (id int)",
                "ALTER DATABASE superuser_settings SET log_min_duration_statement = '1s'",
                "ALTER DATABASE superuser_settings SET timezone = 'Asia/Tokyo'");
        twin.execute("postgres",
                "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'settings_maker') THEN"
                        + " CREATE ROLE settings_maker LOGIN CREATEDB PASSWORD 'maker-secret'; END IF; END $$");
        TestServer twinAsOrdinaryRole = new TestServer(twin.major(), twin.host(), twin.port(), "settings_maker", "maker-secret");
        twin.dropDatabase("settings_ordinary");
        TwinOptions options = TwinOptions.of(ConnectionSpec.parse("production-url", production.url("superuser_settings")),
                        ConnectionSpec.parse("twin-url", twinAsOrdinaryRole.url("settings_ordinary")))
                .withJobs(2).withPgBinDirs(TestClients.extraBinDirs());

        TwinReport report = TwinFixtures.twin(options).report();

        assertEquals(Outcome.SUCCEEDED, report.outcome(), () -> String.valueOf(report.failure()));
        assertEquals("{TimeZone=Asia/Tokyo}", settingsOf(twin, "settings_ordinary"));
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains("log_min_duration_statement") && w.contains("not copied")
                && w.contains("permission denied")), report.warnings()::toString);
    }

    @Test
    void aListSettingIsSplitAsPgDumpSplitsItOnCommasOutsideDoubleQuotes() {
        assertEquals(Optional.of(List.of("$user", "My Schema", "Sales, EU", "say \"hi\"", "app", "public")),
                DatabaseSettings.splitList("\"$user\", \"My Schema\", \"Sales, EU\", \"say \"\"hi\"\"\", app,public"));
        assertEquals(Optional.of(List.of("")), DatabaseSettings.splitList("\"\""));
        assertEquals(Optional.of(List.of()), DatabaseSettings.splitList("  "));
        assertEquals(Optional.empty(), DatabaseSettings.splitList("\"unclosed"));
        assertEquals(Optional.empty(), DatabaseSettings.splitList("app,,public"));
    }

    @Test
    void listSettingsBecomeOneLiteralPerElementAndOthersOneLiteral() {
        assertEquals(Optional.of("ALTER DATABASE \"db\" SET \"search_path\" TO '$user', 'My Schema', 'it''s, here', 'public'"),
                DatabaseSettings.alterStatement("db", "search_path=\"$user\", \"My Schema\", \"it's, here\", public"));
        assertEquals(Optional.of("ALTER DATABASE \"db\" SET \"Search_Path\" TO 'a', 'b'"),
                DatabaseSettings.alterStatement("db", "Search_Path=a, b"), "list variables are known case-insensitively");
        assertEquals(Optional.of("ALTER DATABASE \"my \"\"db\"\"\" SET \"app.tenant\" TO 'it''s, a=b'"),
                DatabaseSettings.alterStatement("my \"db\"", "app.tenant=it's, a=b"), "only the first = separates name and value");
        assertEquals(Optional.of("ALTER DATABASE \"db\" SET \"search_path\" TO ''"),
                DatabaseSettings.alterStatement("db", "search_path=\"\""), "an empty search_path stays empty");
        assertEquals(Optional.empty(), DatabaseSettings.alterStatement("db", "no equals sign"));
    }

    /** The database's settings for all roles as pg_db_role_setting stores them, in order. */
    private static String settingsOf(TestServer server, String database) {
        return server.queryString("postgres", "SELECT setconfig::text FROM pg_db_role_setting WHERE setrole = 0"
                + " AND setdatabase = (SELECT oid FROM pg_database WHERE datname = '" + database + "')");
    }
}
