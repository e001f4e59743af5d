package io.neontwin.action;

import io.neontwin.report.Hazard;
import io.neontwin.report.MigrationReport;
import io.neontwin.report.ReverseTwinReport;
import io.neontwin.report.SampleReverseTwinReports;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The job summary of a reverse-twin run. */
class ReverseTwinJobSummaryTest {
    private static void assertContains(String summary, String part) {
        assertTrue(summary.contains(part), "'" + part + "' in:\n" + summary);
    }

    @Test
    void aDryRunShowsThePlanTheRehearsalAndTheHazards() {
        String summary = JobSummary.render(SampleReverseTwinReports.planned(), "neon-twin-report.json", "migrations");
        assertTrue(summary.startsWith("## 📝 Reverse twin: dry run (2 pending migrations planned and rehearsed, production not written)"), summary);
        assertContains(summary, "| Production (not written: dry run) | `prod.example.com:5432/app` | 16.4 |");
        assertContains(summary, "| Twin (rehearsal, rolled back) | `twin.example.com:5432/app_twin` | 17.2 |");
        assertContains(summary, "Migrations from `migrations`; production's history `neon_twin.schema_migrations` held 5 before this run.");
        assertContains(summary, "| Version | File | Statements | Rehearsal | Status | On production |");
        assertContains(summary, "| 6 | `V6__index_orders_by_customer.sql` | 1 | passed in 0.4 s | pending | – |");
        assertContains(summary, "| `index-without-concurrently` | `V6__index_orders_by_customer.sql:3` | Blocks every write to public.orders "
                + "until the index is built. | Use CREATE INDEX CONCURRENTLY in a migration of its own. |");
        assertFalse(summary.contains("What went wrong"), summary);
    }

    @Test
    void aSuccessSaysHowManyWereAppliedAndHowLongEachTook() {
        String summary = JobSummary.render(SampleReverseTwinReports.succeeded(), "r.json", "migrations");
        assertTrue(summary.startsWith("## ✅ 2 of 2 migrations applied to production"), summary);
        assertContains(summary, "| Production (migrated) |");
        assertContains(summary, "| 7 | `V7__add_order_notes.sql` | 2 | passed in 0.1 s | applied | 0.3 s |");
        assertContains(summary, "| apply | 1.6 s |");
    }

    @Test
    void nothingPendingSaysProductionIsUpToDate() {
        String summary = JobSummary.render(SampleReverseTwinReports.upToDate(), "r.json", "migrations");
        assertTrue(summary.startsWith("## ✅ Production is up to date: no migration pending"), summary);
        assertFalse(summary.contains("### Migrations"), summary);
    }

    @Test
    void aFailureNamesFileLineStatementErrorAndProductionsState() {
        String summary = JobSummary.render(SampleReverseTwinReports.failedOnProduction("canceling statement due to lock timeout"), "r.json", "migrations");
        assertTrue(summary.startsWith("## ❌ Migration failed on production: V7__add_order_notes.sql line 4"), summary);
        assertContains(summary, "| 7 | `V7__add_order_notes.sql` | 2 | passed in 0.1 s | **failed** | – |");
        assertContains(summary, "- **Where:** `V7__add_order_notes.sql:4`, on production");
        assertContains(summary, "- **Statement:** `ALTER TABLE public.orders ADD COLUMN notes text`");
        assertContains(summary, "- **Error:** canceling statement due to lock timeout (SQLSTATE 55P03)");
        assertContains(summary, "| Production (migrated) |"); // V6 went in before V7 failed
        assertContains(summary, "- **Production now:** V6 applied and recorded; V7 rolled back, not recorded");
        assertContains(summary, "- **Exit code:** 14 (a migration failed");
    }

    @Test
    void aRehearsalFailureSaysProductionWasNotTouched() {
        String summary = JobSummary.render(SampleReverseTwinReports.failedInRehearsal(), "r.json", "migrations");
        assertContains(summary, "- **Where:** `V7__add_order_notes.sql:2`, in the rehearsal on the twin (production was not touched)");
    }

    @Test
    void aFailureBeforeThePlanGivesThePhaseAndTheSentence() {
        String summary = JobSummary.render(SampleReverseTwinReports.refusedHistory(), "r.json", "migrations");
        assertContains(summary, "- **Phase:** plan");
        assertContains(summary, "- **Error:** V3__add_users.sql was applied with checksum");
        assertContains(summary, "- **Exit code:** 15 (the migrations folder is unreadable");
    }

    @Test
    void staysUnderGitHubsOneMebibyteLimitWhateverTheReportHolds() {
        ReverseTwinReport base = SampleReverseTwinReports.failedOnProduction("x".repeat(2_000_000));
        List<MigrationReport> migrations = new ArrayList<>(Collections.nCopies(5_000, base.migrations().get(0)));
        List<Hazard> hazards = Collections.nCopies(5_000, new Hazard("6", "f".repeat(5_000) + ".sql", 1, "table-rewrite",
                "s", "r".repeat(5_000), "a".repeat(5_000)));
        ReverseTwinReport huge = new ReverseTwinReport(base.tool(), base.toolVersion(), base.outcome(), base.startedAt(),
                base.finishedAt(), base.durationSeconds(), base.production(), base.twin(), base.migrationsPath(), base.historyTable(),
                base.appliedBefore(), migrations, hazards, base.phases(), Collections.nCopies(10_000, "w".repeat(10_000)),
                base.failure(), base.failedMigration());
        String summary = JobSummary.render(huge, "r.json", "migrations");
        assertTrue(summary.getBytes(StandardCharsets.UTF_8).length < 1024 * 1024);
        assertContains(summary, "…and 4900 more (see the JSON report).");
    }

    @Test
    void textFromMigrationsCannotBreakTheMarkdown() {
        ReverseTwinReport base = SampleReverseTwinReports.planned();
        Hazard pipe = new Hazard("6", "V6__a|b.sql", 1, "data-loss", "s", "drops <b>x</b>\nand y", null);
        ReverseTwinReport report = new ReverseTwinReport(base.tool(), base.toolVersion(), base.outcome(), base.startedAt(),
                base.finishedAt(), base.durationSeconds(), base.production(), base.twin(), base.migrationsPath(), base.historyTable(),
                base.appliedBefore(), base.migrations(), List.of(pipe), base.phases(), base.warnings(), null, null);
        String summary = JobSummary.render(report, "r.json", "migrations");
        assertContains(summary, "| `data-loss` | `V6__a\\|b.sql:1` | drops &lt;b&gt;x&lt;/b&gt; and y | – |");
    }
}
