package io.neontwin.action;

import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestServer;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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

    private final MockWebServer slack = new MockWebServer();
    private TestServer server;
    private String password;
    private int steps;

    @AfterEach
    void stopSlack() throws IOException {
        slack.shutdown();
    }

    @Test
    void migrationsProvenOnTheTwinReachProductionOnceAndComeBackWithTheNextTwin() throws Exception {
        for (int i = 0; i < 10; i++) {
            slack.enqueue(new MockResponse().setResponseCode(200).setBody("ok"));
        }
        slack.start();
        server = PostgresServers.get(15);
        password = server.password() == null ? EntrypointTest.FAKE_PASSWORD : server.password();
        server.dropDatabase("wf_prod");
        server.dropDatabase("wf_twin");
        EntrypointTest.seedProduction(server, "wf_prod");

        // night 1: the twin is made
        assertEquals("succeeded", twin().get("status"));
        assertTrue(slackMessage().contains("Neon Twin ready: wf_twin"));

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
        assertTrue(slackMessage().contains("Reverse twin plan: 2 pending migrations"), "the team sees the plan in Slack");
        assertFalse(hasColumn("wf_prod", "loyalty_points"), "a dry run leaves production as it was");
        assertFalse(hasColumn("wf_twin", "loyalty_points"), "the rehearsal is rolled back");
        assertEquals(0, server.queryLong("wf_prod", "SELECT count(*) FROM pg_namespace WHERE nspname = 'neon_twin'"));

        // the merge applies them to production, in order, recorded
        Run apply = reverseTwin(migrations, false);
        assertEquals(0, apply.step().exitCode(), apply.step().stdout());
        assertEquals("succeeded", apply.outputs().get("status"));
        assertEquals("2", apply.outputs().get("migrations-applied"));
        assertTrue(hasColumn("wf_prod", "loyalty_points"));
        assertTrue(slackMessage().contains("Migrations applied to wf_prod: 2"), "the team sees what production got");
        assertEquals("true", server.queryString("wf_prod",
                "SELECT indisvalid::text FROM pg_index WHERE indexrelid = 'orders_placed_at'::regclass"));
        assertEquals("1,2", server.queryString("wf_prod",
                "SELECT string_agg(version, ',' ORDER BY installed_at, version) FROM neon_twin.schema_migrations WHERE success"));

        // night 2: the twin carries the change and production's history, so nothing is pending any more
        assertEquals("succeeded", twin().get("status"));
        assertTrue(slackMessage().contains("Neon Twin ready: wf_twin"));
        assertTrue(hasColumn("wf_twin", "loyalty_points"));
        Run upToDate = reverseTwin(migrations, false);
        assertEquals(0, upToDate.step().exitCode(), upToDate.step().stdout());
        assertEquals("succeeded", upToDate.outputs().get("status"));
        assertEquals("0", upToDate.outputs().get("migrations-pending"));
        assertTrue(slackMessage().contains("Production is up to date"));

        // a later migration with an error on its third line: refused in the rehearsal, pointed at file and line
        Map<String, String> withBadOne = new HashMap<>(migrations);
        withBadOne.put("V3__backfill_points.sql", "UPDATE customers\n   SET loyalty_points = 1\n WHERE no_such_column > 0;\n");
        Run failed = reverseTwin(withBadOne, false);
        // Kept for people: what the steps' logs and summaries look like (target/ is not committed).
        Files.writeString(Path.of(System.getProperty("neontwin.projectDir", "."), "target", "reverse-twin-e2e.log"),
                String.join("\n--- next step ---\n", plan.step().stdout() + "\n--- summary ---\n" + plan.summary(),
                        apply.step().stdout() + "\n--- summary ---\n" + apply.summary(),
                        failed.step().stdout() + "\n--- summary ---\n" + failed.summary()));
        assertEquals(14, failed.step().exitCode(), failed.step().stdout());
        assertEquals("failed", failed.outputs().get("status"));
        assertTrue(failed.summary().startsWith("## ❌ Migration failed in rehearsal: V3__backfill_points.sql line 3"), failed.summary());
        assertTrue(failed.summary().contains("| Production (not changed by this run) |"), failed.summary());
        assertTrue(failed.summary().contains("`UPDATE customers SET loyalty_points = 1 WHERE no_such_column > 0`"), failed.summary());
        assertTrue(failed.step().errorAnnotations().stream()
                        .anyMatch(line -> line.startsWith("::error file=" + MIGRATIONS + "/V3__backfill_points.sql,line=3,")),
                failed.step().stdout());
        String failure = slackMessage();
        assertTrue(failure.contains("Migration failed in rehearsal: V3__backfill_points.sql line 3"), failure);
        assertTrue(failure.contains("no_such_column"), failure);
        assertEquals(0, server.queryLong("wf_prod", "SELECT count(*) FROM customers WHERE loyalty_points = 1"));
        assertEquals(2, server.queryLong("wf_prod", "SELECT count(*) FROM neon_twin.schema_migrations"));

        assertEquals(6, slack.getRequestCount(), "one message per step: two twins and four reverse-twin runs");
        for (Run run : new Run[]{plan, apply, upToDate, failed}) {
            EntrypointTest.assertNoSecretOutsideMasks(run.step(), password);
            assertFalse((run.summary() + run.outputs()).contains(password), "password in the summary or outputs");
        }
    }

    /** The next message Slack received, as sent (the JSON payload). */
    private String slackMessage() throws InterruptedException {
        RecordedRequest request = slack.takeRequest(10, TimeUnit.SECONDS);
        assertTrue(request != null, "no Slack message was sent");
        String body = request.getBody().readUtf8();
        assertFalse(body.contains(password), "password in a Slack message");
        return body;
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
        with.put("slack-webhook-url", slack.url("/services/T000/B000/workflow").toString());
        return with;
    }

    private boolean hasColumn(String database, String column) {
        return server.queryLong(database, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'customers' "
                + "AND column_name = '" + column + "'") == 1;
    }
}
