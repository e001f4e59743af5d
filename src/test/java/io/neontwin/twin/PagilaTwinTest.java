package io.neontwin.twin;

import io.neontwin.errors.ExitCode;
import io.neontwin.report.Outcome;
import io.neontwin.report.TwinReport;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The Pagila sample database (partitions, triggers, domains, an aggregate, a materialized view) twinned whole. */
class PagilaTwinTest {
    static TestServer production;
    static TestServer twin;

    @BeforeAll
    static void loadPagila() {
        assumeTrue(Files.isDirectory(TwinFixtures.PAGILA), "skipped: ../shared/fixtures/pagila is absent on this machine");
        production = PostgresServers.get(15);
        twin = PostgresServers.get(15, "twin");
        production.createDatabase("pagila");
        TwinFixtures.loadSql(production, "pagila", TwinFixtures.PAGILA.resolve("pagila-schema.sql"));
        TwinFixtures.loadSql(production, "pagila", TwinFixtures.PAGILA.resolve("pagila-data.sql"));
    }

    @Test
    void theTwinHasProductionsSchemaObjectForObjectAndEveryRow() {
        twin.dropDatabase("pagila_twin");
        TwinReport report = TwinFixtures.twin(production, "pagila", twin, "pagila_twin").report();

        assertEquals(Outcome.SUCCEEDED, report.outcome(), () -> String.valueOf(report.failure()));
        assertEquals(TwinFixtures.schemaOf(production, "pagila"), TwinFixtures.schemaOf(twin, "pagila_twin"));
        assertEquals(TwinFixtures.rowCounts(production, "pagila"), TwinFixtures.rowCounts(twin, "pagila_twin"));
        assertEquals(TwinFixtures.sequenceValues(production, "pagila"), TwinFixtures.sequenceValues(twin, "pagila_twin"));
        assertEquals(production.queryString("pagila", "SELECT relispopulated FROM pg_class WHERE relname = 'rental_by_category'"),
                twin.queryString("pagila_twin", "SELECT relispopulated FROM pg_class WHERE relname = 'rental_by_category'"),
                "a materialized view is populated in the twin exactly when it is on production");
    }

    @Test
    void theReportCarriesTheFiguresOfTheCopy() {
        twin.dropDatabase("pagila_report");
        TwinResult result = TwinFixtures.twin(production, "pagila", twin, "pagila_report");
        TwinReport report = result.report();

        assertEquals(ExitCode.OK, result.exitCode());
        long productionRows = TwinFixtures.rowCounts(production, "pagila").entrySet().stream()
                .filter(e -> !e.getKey().equals("public.rental_by_category")).mapToLong(java.util.Map.Entry::getValue).sum();
        assertEquals(productionRows, report.totals().rows(), "rows streamed equal production's rows (the matview is refreshed, not copied)");
        assertEquals(report.tables().size(), report.totals().tables());
        assertTrue(report.totals().bytes() > 0);
        assertEquals("pagila_report", report.twin().database());
        assertTrue(report.twin().sizeBytes() > 0, "the new twin's size is measured");
        assertEquals(15, report.production().major());
        assertEquals(15, report.client().major());
        assertEquals(java.util.List.of("preflight", "schema", "data", "post-data", "sequences", "analyze", "verify", "swap"),
                report.phases().stream().map(io.neontwin.report.PhaseTiming::phase).toList());
        assertTrue(report.verification().passed());
        assertEquals("counts", report.verification().mode());
        for (int i = 1; i < report.tables().size(); i++) {
            assertTrue(report.tables().get(i - 1).bytes() >= report.tables().get(i).bytes(), "tables are listed largest first");
        }
    }
}
