package io.neontwin.twin;

import io.neontwin.report.Outcome;
import io.neontwin.report.TwinReport;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A schema of many small tables, each with a primary key, three indexes, a foreign key to the table before it and one
 * to a hub table every other table references, plus views and standalone sequences: the shape of a large SaaS schema,
 * small. Post-data runs over four sessions on real PostgreSQL: the foreign keys need their referenced keys first and
 * contend for the hub's lock, so a scheduler that broke dependency order or the lock rules fails or deadlocks here.
 */
class ManyObjectsTwinTest {
    private static final int TABLES = 60;
    static TestServer production;
    static TestServer twin;

    @BeforeAll
    static void createManyObjects() {
        production = PostgresServers.get(15);
        twin = PostgresServers.get(15, "twin");
        production.createDatabase("many");
        List<String> statements = new ArrayList<>();
        for (int i = 1; i <= TABLES; i++) {
            statements.add("CREATE TABLE t_" + i + " (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, parent_id bigint NOT NULL"
                    + " REFERENCES t_" + Math.max(1, i - 1) + ", hub_id bigint REFERENCES t_1, name text NOT NULL,"
                    + " amount numeric(12,2) CHECK (amount >= 0), created_at timestamptz DEFAULT now())");
            statements.add("INSERT INTO t_" + i + " (parent_id, hub_id, name, amount) SELECT r, 1, 'n' || r, r FROM generate_series(1, 5) r");
            statements.add("CREATE INDEX ON t_" + i + " (parent_id)");
            statements.add("CREATE INDEX ON t_" + i + " (name)");
            statements.add("CREATE UNIQUE INDEX ON t_" + i + " (created_at, id)");
        }
        for (int j = 1; j <= TABLES / 10; j++) {
            statements.add("CREATE VIEW v_" + j + " AS SELECT c.id, p.name FROM t_" + (j * 10) + " c JOIN t_" + (j * 10 - 1) + " p ON p.id = c.parent_id");
            statements.add("CREATE SEQUENCE s_" + j);
            statements.add("SELECT setval('s_" + j + "', " + (j * 7) + ", " + (j % 2 == 0) + ")");
        }
        statements.add("CREATE SEQUENCE \"Odd \"\"seq\"\" Ω\" START 5");
        statements.add("SELECT nextval('\"Odd \"\"seq\"\" Ω\"')");
        production.execute("many", statements.toArray(String[]::new));
    }

    @Test
    void everyIndexConstraintAndSequenceValueArrivesWhenPostDataRunsOverFourSessions() {
        twin.dropDatabase("many_twin");
        TwinReport report = TwinFixtures.twin(TwinFixtures.options(production, "many", twin, "many_twin").withJobs(4)).report();

        assertEquals(Outcome.SUCCEEDED, report.outcome(), () -> String.valueOf(report.failure()));
        TwinFixtures.assertSameSchema(TwinFixtures.schemaOf(production, "many"), TwinFixtures.schemaOf(twin, "many_twin"));
        assertEquals(TwinFixtures.rowCounts(production, "many"), TwinFixtures.rowCounts(twin, "many_twin"));
        assertEquals(TwinFixtures.sequenceValues(production, "many"), TwinFixtures.sequenceValues(twin, "many_twin"));
        String notCalled = "SELECT last_value || ' ' || is_called FROM s_1";
        assertEquals(production.queryString("many", notCalled), twin.queryString("many_twin", notCalled), "a sequence never called stays so");
        String validated = "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND convalidated";
        assertEquals(production.queryLong("many", validated), twin.queryLong("many_twin", validated));
    }

    @Test
    void everyTableHasStatisticsAfterTheTwinIsBuilt() {
        twin.dropDatabase("many_stats");
        TwinReport report = TwinFixtures.twin(TwinFixtures.options(production, "many", twin, "many_stats").withJobs(2)).report();

        assertEquals(Outcome.SUCCEEDED, report.outcome(), () -> String.valueOf(report.failure()));
        assertEquals(0, twin.queryLong("many_stats", "SELECT count(*) FROM pg_stat_user_tables WHERE last_analyze IS NULL"),
                "ANALYZE in batches still reaches every table");
        assertEquals(TABLES, twin.queryLong("many_stats", "SELECT count(*) FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL"));
    }
}
