package io.neontwin.twin;

import io.neontwin.errors.ExitCode;
import io.neontwin.report.TableReport;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plan --dry-run shows is the plan a real run executes: made whole in preflight (copy streams, both schema
 * sections, post-data locks, materialized views, sequences, the ANALYZE list), and run as it is.
 */
class DryRunPlanTest {
    @Test
    void aDryRunsPlanEqualsThePlanTheRealRunExecutes() {
        TestServer server = PostgresServers.get(15);
        server.createDatabase("plan_prod");
        server.execute("plan_prod", "CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL)",
                "CREATE TABLE orders (id bigserial PRIMARY KEY, customer int REFERENCES customers, total numeric)",
                "CREATE TABLE audit_log (id bigserial PRIMARY KEY, line text)",
                "CREATE INDEX orders_customer ON orders (customer)",
                "CREATE MATERIALIZED VIEW totals AS SELECT customer, sum(total) FROM orders GROUP BY customer",
                "CREATE MATERIALIZED VIEW empty_totals AS SELECT customer FROM orders WITH NO DATA",
                "INSERT INTO customers (name) SELECT 'customer ' || g FROM generate_series(1, 50) g",
                "INSERT INTO orders (customer, total) SELECT 1 + g % 50, g FROM generate_series(1, 500) g",
                "INSERT INTO audit_log (line) SELECT 'line ' || g FROM generate_series(1, 20) g",
                "ANALYZE");
        server.dropDatabase("plan_twin");
        TwinOptions options = TwinFixtures.options(server, "plan_prod", server, "plan_twin")
                .withFilters(List.of(), List.of(), List.of(), List.of(), List.of("public.audit_log"));

        List<TwinPlan> dryRun = new ArrayList<>();
        TwinResult planned = new TwinEngine(options.withDryRun(true), planCollector(dryRun)).run();
        List<TwinPlan> realRun = new ArrayList<>();
        TwinResult executed = new TwinEngine(options, planCollector(realRun)).run();

        assertEquals(ExitCode.OK, planned.exitCode(), () -> String.valueOf(planned.report().failure()));
        assertEquals(ExitCode.OK, executed.exitCode(), () -> String.valueOf(executed.report().failure()));
        ExecutionPlan plan = dryRun.get(0).execution();
        assertEquals(plan, realRun.get(0).execution());
        assertEquals(dryRun.get(0).tables(), realRun.get(0).tables());
        assertEquals(planned.report().plan(), executed.report().plan(), "--report records the plan: a dry run's equals the executed run's");
        assertEquals(plan.copyTasks().size(), executed.report().plan().copyStreams().size());
        assertEquals(List.of("\"public\".\"totals\""), executed.report().plan().materializedViews());

        // what it holds is what the run did
        assertEquals(List.of("\"public\".\"totals\""), plan.materializedViews());
        assertEquals(3, plan.sequences().size());
        assertFalse(plan.copyTasks().stream().anyMatch(task -> task.table().name().equals("audit_log")),
                "--exclude-table-data leaves audit_log out of the copy");
        assertTrue(plan.analyze().containsAll(List.of("\"public\".\"customers\"", "\"public\".\"orders\"", "\"public\".\"audit_log\"",
                "\"public\".\"totals\"")), () -> String.valueOf(plan.analyze()));
        assertEquals(plan.tables().stream().map(t -> t.shown().qualifiedName()).sorted().toList(),
                executed.report().tables().stream().map(t -> t.schema() + "." + t.name()).sorted().toList());
        for (TableReport table : executed.report().tables()) {
            assertEquals(server.queryLong("plan_twin", "SELECT count(*) FROM " + table.schema() + "." + table.name()), table.rows(),
                    table.name() + ": the report counts the rows the copy made");
        }
        assertEquals(0, server.queryLong("plan_twin", "SELECT count(*) FROM audit_log"));
        assertEquals(server.queryLong("plan_prod", "SELECT count(*) FROM orders"), server.queryLong("plan_twin", "SELECT count(*) FROM orders"));
        server.dropDatabase("plan_twin");
        server.dropDatabase("plan_prod");
    }

    private static ProgressListener planCollector(List<TwinPlan> plans) {
        return new ProgressListener() {
            @Override
            public void planReady(TwinPlan plan) {
                plans.add(plan);
            }
        };
    }
}
