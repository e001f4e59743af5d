package io.neontwin.twin;

import io.neontwin.errors.ExitCode;
import io.neontwin.report.Outcome;
import io.neontwin.report.TwinReport;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Enums and arrays of enums, domains, generated and identity columns, partitions and inheritance, a materialized
 * view, triggers, RLS, comments, quoted and non-ASCII names, an FK cycle with deferrable constraints, citext and hstore.
 */
class EdgeCaseTwinTest {
    static TestServer production;
    static TestServer twin;

    @BeforeAll
    static void loadEdgeCases() {
        production = PostgresServers.get(15);
        twin = PostgresServers.get(15, "twin");
        production.createDatabase("edge");
        TwinFixtures.loadResource(production, "edge", "/schemas/edge-cases.sql");
        production.execute("edge", "CREATE PUBLICATION edge_pub FOR TABLE people",
                "CREATE FUNCTION noop_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$",
                "CREATE EVENT TRIGGER edge_ddl ON ddl_command_start EXECUTE FUNCTION noop_ddl()");
    }

    @Test
    void everyObjectAndRowArrivesExceptPublicationsAndEventTriggersWhichAreNamedInWarnings() {
        twin.dropDatabase("edge_twin");
        TwinReport report = TwinFixtures.twin(TwinFixtures.options(production, "edge", twin, "edge_twin")
                .withVerify(VerifyMode.CHECKSUMS)).report();

        assertEquals(Outcome.SUCCEEDED, report.outcome(), () -> String.valueOf(report.failure()));
        List<String> expected = new ArrayList<>(TwinFixtures.schemaOf(production, "edge"));
        expected.removeIf(line -> line.contains("PUBLICATION") || line.contains("EVENT TRIGGER") || line.contains("EXECUTE FUNCTION public.noop_ddl()"));
        TwinFixtures.assertSameSchema(expected, TwinFixtures.schemaOf(twin, "edge_twin"));
        assertEquals(TwinFixtures.rowCounts(production, "edge"), TwinFixtures.rowCounts(twin, "edge_twin"));
        assertEquals(TwinFixtures.sequenceValues(production, "edge"), TwinFixtures.sequenceValues(twin, "edge_twin"));
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains("publication") && w.contains("edge_pub")), report.warnings()::toString);
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains("event trigger") && w.contains("edge_ddl")), report.warnings()::toString);
        assertTrue(report.verification().passed());
        assertEquals("checksums", report.verification().mode());
    }

    @Test
    void valuesArriveByteForByte() {
        twin.dropDatabase("edge_values");
        assertEquals(ExitCode.OK, TwinFixtures.twin(production, "edge", twin, "edge_values").exitCode());
        String query = "SELECT string_agg(t::text, '|' ORDER BY \"Line №\") FROM \"Sales Ω\".\"Order Lines\" t";
        assertEquals(production.queryString("edge", query), twin.queryString("edge_values", query));
        String people = "SELECT string_agg(p::text, '|' ORDER BY id) FROM people p";
        assertEquals(production.queryString("edge", people), twin.queryString("edge_values", people));
        assertEquals(1000, twin.queryLong("edge_values", "SELECT last_value FROM vehicles_id_seq"), "sequences carry production's value");
        assertTrue(twin.queryLong("edge_values", "SELECT count(*) FROM mood_counts") > 0, "the materialized view is populated");
    }

    @Test
    void aRefreshReplacesThePreviousTwinWithProductionsCurrentData() {
        twin.dropDatabase("edge_refresh");
        assertEquals(ExitCode.OK, TwinFixtures.twin(production, "edge", twin, "edge_refresh").exitCode());
        twin.execute("edge_refresh", "CREATE TABLE developer_scratch (id int)");
        production.execute("edge", "INSERT INTO departments VALUES (3, 'Support', NULL)");
        try {
            TwinResult second = TwinFixtures.twin(production, "edge", twin, "edge_refresh");

            assertEquals(ExitCode.OK, second.exitCode(), () -> String.valueOf(second.report().failure()));
            assertEquals(3, twin.queryLong("edge_refresh", "SELECT count(*) FROM departments"));
            assertEquals(0, twin.queryLong("edge_refresh", "SELECT count(*) FROM pg_class WHERE relname = 'developer_scratch'"),
                    "the twin is production's copy again: changes made on it are gone");
            assertFalse(TwinFixtures.databaseExists(twin, "edge_refresh__twin_staging"));
            assertFalse(TwinFixtures.databaseExists(twin, "edge_refresh__twin_previous"));
            assertTrue(twin.queryString("postgres", "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = 'edge_refresh'")
                    .contains("\"state\":\"ready\""), "the twin carries its marker");
        } finally {
            production.execute("edge", "DELETE FROM departments WHERE id = 3");
        }
    }

    @Test
    void excludedTableDataKeepsTheTableButNoRowsAndExcludedTablesAreLeftOut() {
        twin.dropDatabase("edge_filtered");
        TwinOptions options = TwinFixtures.options(production, "edge", twin, "edge_filtered")
                .withFilters(List.of(), List.of(), List.of(), List.of("cache_entries"), List.of("audit.changes"));
        TwinReport report = TwinFixtures.twin(options).report();

        assertEquals(Outcome.SUCCEEDED, report.outcome(), () -> String.valueOf(report.failure()));
        assertEquals(0, twin.queryLong("edge_filtered", "SELECT count(*) FROM audit.changes"));
        assertEquals(0, twin.queryLong("edge_filtered", "SELECT count(*) FROM pg_class WHERE relname = 'cache_entries'"));
        assertEquals(3000, twin.queryLong("edge_filtered", "SELECT count(*) FROM people"));
        assertTrue(report.tables().stream().anyMatch(t -> t.name().equals("changes") && !t.dataCopied()));
    }

    @Test
    void onlyTheChosenTablesAreCopiedWithTheExtensionsTheirColumnsNeed() {
        twin.dropDatabase("edge_only_people");
        TwinOptions options = TwinFixtures.options(production, "edge", twin, "edge_only_people")
                .withFilters(List.of(), List.of(), List.of("people"), List.of(), List.of());
        TwinReport report = TwinFixtures.twin(options).report();

        assertEquals(Outcome.SUCCEEDED, report.outcome(), () -> String.valueOf(report.failure()));
        assertEquals(List.of("people"), report.tables().stream().map(io.neontwin.report.TableReport::name).toList());
        assertEquals(3000, twin.queryLong("edge_only_people", "SELECT count(*) FROM people"));
        assertEquals(2, twin.queryLong("edge_only_people", "SELECT count(*) FROM pg_extension WHERE extname IN ('citext', 'hstore')"),
                "people's citext and hstore columns bring their extensions along");
    }

    @Test
    void excludingATableLeavesOutTheViewsAndForeignKeysThatNeedItAndSaysSo() {
        twin.dropDatabase("edge_no_people");
        TwinOptions options = TwinFixtures.options(production, "edge", twin, "edge_no_people")
                .withFilters(List.of(), List.of(), List.of(), List.of("people"), List.of());
        TwinReport report = TwinFixtures.twin(options).report();

        assertEquals(Outcome.SUCCEEDED, report.outcome(), () -> String.valueOf(report.failure()));
        assertEquals(0, twin.queryLong("edge_no_people", "SELECT count(*) FROM pg_class WHERE relname IN ('people', 'happy_people', 'mood_counts')"));
        assertEquals(5000, twin.queryLong("edge_no_people", "SELECT count(*) FROM \"Sales Ω\".\"Order Lines\""));
        String warning = report.warnings().stream().filter(w -> w.contains("not copied, and are left out too")).findFirst().orElseThrow();
        assertTrue(warning.contains("happy_people") && warning.contains("mood_counts") && warning.contains("Order Lines_person_id_fkey"), warning);
        assertTrue(!warning.contains("people_pkey"), "what pg_dump already left out is not listed: " + warning);
    }

    @Test
    void onlyTheChosenSchemaIsCopied() {
        twin.dropDatabase("edge_only_audit");
        TwinOptions options = TwinFixtures.options(production, "edge", twin, "edge_only_audit")
                .withFilters(List.of("audit"), List.of(), List.of(), List.of(), List.of());
        TwinReport report = TwinFixtures.twin(options).report();

        assertEquals(Outcome.SUCCEEDED, report.outcome(), () -> String.valueOf(report.failure()));
        assertTrue(report.tables().stream().allMatch(t -> t.schema().equals("audit")), report.tables()::toString);
        assertEquals(3000, twin.queryLong("edge_only_audit", "SELECT count(*) FROM audit.changes"));
        assertEquals(0, twin.queryLong("edge_only_audit", "SELECT count(*) FROM pg_class WHERE relname = 'people'"));
    }

    @Test
    void aDryRunPrintsThePlanAndWritesNothing() {
        twin.dropDatabase("edge_dry");
        List<TwinPlan> plans = new ArrayList<>();
        TwinResult result = new TwinEngine(TwinFixtures.options(production, "edge", twin, "edge_dry").withDryRun(true),
                new ProgressListener() {
                    @Override
                    public void planReady(TwinPlan plan) {
                        plans.add(plan);
                    }
                }).run();

        assertEquals(Outcome.PLANNED, result.report().outcome());
        assertFalse(TwinFixtures.databaseExists(twin, "edge_dry"));
        assertFalse(TwinFixtures.databaseExists(twin, "edge_dry__twin_staging"));
        TwinPlan plan = plans.get(0);
        assertTrue(plan.tables().stream().anyMatch(t -> t.qualifiedName().equals("Sales Ω.Order Lines") && t.bytes() > 0 && t.copyData()));
        assertTrue(plan.extensions().stream().anyMatch(e -> e.name().equals("citext") && e.availableOnTwin()));
        assertTrue(PlanPrinter.render(plan).contains("does not exist yet"));
    }
}
