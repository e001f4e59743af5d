package io.neontwin.action;

import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole loop, as a team runs it with the action and the real jar on real PostgreSQL: the nightly twin, a pull
 * request's dry run of two migrations, the merge that applies them to production, the next night's twin that carries
 * them (and production's history) back, and a later migration whose SQL error is pinned to its file and line.
 */
class TwinAndReverseTwinWorkflowTest {
    private static final String MIGRATIONS = "db/migrations";

    @TempDir
    Path dir;

    private TestServer server;
    private String password;
    private int steps;

    @Test
    void migrationsProvenOnTheTwinReachProductionOnceAndComeBackWithTheNextTwin() throws Exception {
        server = PostgresServers.get(15);
        password = server.password() == null ? EntrypointTest.FAKE_PASSWORD : server.password();
        server.dropDatabase("wf_prod");
        server.dropDatabase("wf_twin");
        EntrypointTest.seedProduction(server, "wf_prod");

        // night 1: the twin is made
        assertEquals("succeeded", twin().get("status"));

        // a pull request adds two migrations: the dry run plans and rehearses them, and writes nowhere
        Map<String, String> migrations = Map.of(
                "V1__add_loyalty_points.sql", "-- points earned per order\nALTER TABLE customers ADD COLUMN loyalty_points int NOT NULL DEFAULT 0;\n",
                "V2__index_orders_by_date.sql", "CREATE INDEX CONCURRENTLY orders_placed_at ON orders (placed_at);\n");
        Run plan = reverseTwin(migrations, true);
        assertEquals(0, plan.step().exitCode(), plan.step().stdout());
        assertEquals("planned", plan.outputs().get("status"));
        assertEquals("2", plan.outputs().get("migrations-pending"));
        assertEquals("0", plan.outputs().get("migrations-applied"));
        assertTrue(plan.summary().contains("V1__add_loyalty_points.sql"), plan.summary());
        assertFalse(hasColumn("wf_prod", "loyalty_points"), "a dry run leaves production as it was");
        assertFalse(hasColumn("wf_twin", "loyalty_points"), "the rehearsal is rolled back");
        assertEquals(0, server.queryLong("wf_prod", "SELECT count(*) FROM pg_namespace WHERE nspname = 'neon_twin'"));

        // the merge applies them to production, in order, recorded
        Run apply = reverseTwin(migrations, false);
        assertEquals(0, apply.step().exitCode(), apply.step().stdout());
        assertEquals("succeeded", apply.outputs().get("status"));
        assertEquals("2", apply.outputs().get("migrations-applied"));
        assertTrue(hasColumn("wf_prod", "loyalty_points"));
        assertEquals("true", server.queryString("wf_prod",
                "SELECT indisvalid::text FROM pg_index WHERE indexrelid = 'orders_placed_at'::regclass"));
        assertEquals("1,2", server.queryString("wf_prod",
                "SELECT string_agg(version, ',' ORDER BY installed_at, version) FROM neon_twin.schema_migrations WHERE success"));

        // night 2: the twin carries the change and production's history, so nothing is pending any more
        assertEquals("succeeded", twin().get("status"));
        assertTrue(hasColumn("wf_twin", "loyalty_points"));
        Run upToDate = reverseTwin(migrations, false);
        assertEquals(0, upToDate.step().exitCode(), upToDate.step().stdout());
        assertEquals("succeeded", upToDate.outputs().get("status"));
        assertEquals("0", upToDate.outputs().get("migrations-pending"));

        // a later migration with an error on its third line: refused in the rehearsal, pointed at file and line
        Map<String, String> withBadOne = new HashMap<>(migrations);
        withBadOne.put("V3__backfill_points.sql", "UPDATE customers\n   SET loyalty_points = 1\n WHERE no_such_column > 0;\n");
        Run failed = reverseTwin(withBadOne, false);
        assertEquals(14, failed.step().exitCode(), failed.step().stdout());
        assertEquals("failed", failed.outputs().get("status"));
        assertTrue(failed.step().errorAnnotations().stream()
                        .anyMatch(line -> line.startsWith("::error file=" + MIGRATIONS + "/V3__backfill_points.sql,line=3,")),
                failed.step().stdout());
        assertEquals(0, server.queryLong("wf_prod", "SELECT count(*) FROM customers WHERE loyalty_points = 1"));
        assertEquals(2, server.queryLong("wf_prod", "SELECT count(*) FROM neon_twin.schema_migrations"));

        for (Run run : new Run[]{plan, apply, upToDate, failed}) {
            EntrypointTest.assertNoSecretOutsideMasks(run.step(), password);
            assertFalse((run.summary() + run.outputs()).contains(password), "password in the summary or outputs");
        }
    }

    private record Run(RunnerSimulation.Step step, Map<String, String> outputs, String summary) {
    }

    private Map<String, String> twin() throws IOException, InterruptedException {
        RunnerSimulation runner = new RunnerSimulation(dir.resolve("step" + ++steps));
        Map<String, String> with = connections();
        EntrypointTest.pgBin(15).ifPresent(bin -> with.put("pg-bin", bin));
        RunnerSimulation.Step step = runner.run(with);
        assertEquals(0, step.exitCode(), step.stdout() + step.stderr());
        return runner.outputs();
    }

    private Run reverseTwin(Map<String, String> migrations, boolean dryRun) throws IOException, InterruptedException {
        RunnerSimulation runner = new RunnerSimulation(dir.resolve("step" + ++steps));
        Path folder = Files.createDirectories(runner.workspace.resolve(MIGRATIONS));
        for (Map.Entry<String, String> file : migrations.entrySet()) {
            Files.writeString(folder.resolve(file.getKey()), file.getValue());
        }
        Map<String, String> with = connections();
        with.put("direction", "reverse-twin");
        with.put("migrations-path", MIGRATIONS);
        with.put("dry-run", String.valueOf(dryRun));
        RunnerSimulation.Step step = runner.run(with);
        return new Run(step, runner.outputs(), runner.summary());
    }

    private Map<String, String> connections() {
        Map<String, String> with = new HashMap<>();
        with.put("production-url", EntrypointTest.url(server, password, "wf_prod"));
        with.put("twin-url", EntrypointTest.url(server, password, "wf_twin"));
        return with;
    }

    private boolean hasColumn(String database, String column) {
        return server.queryLong(database, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'customers' "
                + "AND column_name = '" + column + "'") == 1;
    }
}
