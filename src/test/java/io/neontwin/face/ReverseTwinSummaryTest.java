package io.neontwin.face;

import io.neontwin.report.SampleReverseTwinReports;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The closing lines of a reverse-twin run say the outcome, each migration's fate, the hazards, and where it failed. */
class ReverseTwinSummaryTest {
    private static void assertLine(String text, String line) {
        assertTrue(text.lines().anyMatch(l -> l.strip().replaceAll("\\s+", " ").equals(line)), "'" + line + "' in:\n" + text);
    }

    @Test
    void aDryRunSaysNothingWasWrittenAndListsThePlanAndTheHazards() {
        String text = ReverseTwinSummary.render(SampleReverseTwinReports.planned());
        assertLine(text, "Reverse twin planned (dry run) in 3.2 s: 2 pending migrations, rehearsed on the twin; production not written");
        assertLine(text, "V6__index_orders_by_customer.sql 1 passed 0.4 s pending");
        assertLine(text, "V7__add_order_notes.sql 2 passed 0.1 s pending");
        assertLine(text, "1 hazard on a live production (docs/migration-hazards.md):");
        assertLine(text, "V6__index_orders_by_customer.sql:3 index-without-concurrently: Blocks every write to public.orders until the index is built.");
        assertFalse(text.contains("Failed"), text);
    }

    @Test
    void aSuccessSaysHowManyWereAppliedAndHowLongEachTookOnProduction() {
        String text = ReverseTwinSummary.render(SampleReverseTwinReports.succeeded());
        assertLine(text, "Reverse twin succeeded in 4.3 s: 2 of 2 pending migrations applied to production");
        assertLine(text, "V6__index_orders_by_customer.sql 1 passed 0.4 s applied 1.2 s");
        assertLine(text, "apply 1.6 s");
    }

    @Test
    void aMigrationSomeoneElseAppliedIsNotCountedAsAppliedByThisRun() {
        String text = ReverseTwinSummary.render(SampleReverseTwinReports.succeededWithOneSkipped());
        assertLine(text, "Reverse twin succeeded in 4.3 s: 1 of 2 pending migrations applied to production; "
                + "1 found applied by someone else and skipped");
        assertLine(text, "V7__add_order_notes.sql 2 passed 0.1 s skipped");
    }

    @Test
    void nothingPendingSaysProductionIsUpToDate() {
        String text = ReverseTwinSummary.render(SampleReverseTwinReports.upToDate());
        assertLine(text, "Reverse twin succeeded in 0.8 s: production is up to date, no migration pending");
        assertFalse(text.contains("statements"), text);
        assertFalse(text.contains("hazard"), text);
    }

    @Test
    void aFailureOnProductionNamesFileLineStatementAndProductionsState() {
        String text = ReverseTwinSummary.render(SampleReverseTwinReports.failedOnProduction("canceling statement due to lock timeout"));
        assertLine(text, "Reverse twin failed in 31.0 s: 1 of 2 pending migrations applied to production");
        assertLine(text, "V7__add_order_notes.sql 2 passed 0.1 s failed");
        assertLine(text, "Failed on production at V7__add_order_notes.sql:4 (SQLSTATE 55P03): canceling statement due to lock timeout");
        assertLine(text, "statement: ALTER TABLE public.orders ADD COLUMN notes text");
        assertLine(text, "Production now: V6 applied and recorded; V7 rolled back, not recorded");
    }

    @Test
    void aFailureInTheRehearsalSaysSo() {
        String text = ReverseTwinSummary.render(SampleReverseTwinReports.failedInRehearsal());
        assertLine(text, "Failed in the rehearsal on the twin at V7__add_order_notes.sql:2 (SQLSTATE 42P01): relation \"public.order\" does not exist");
        assertLine(text, "Production now: unchanged: nothing was applied");
    }

    @Test
    void aRefusalBeforeAnyPlanStillSummarises() {
        String text = ReverseTwinSummary.render(SampleReverseTwinReports.refusedHistory());
        assertLine(text, "Reverse twin failed in 0.6 s: 0 of 0 pending migrations applied to production");
        assertLine(text, "Production now: unchanged: nothing was applied");
    }
}
