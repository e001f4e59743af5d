package io.neontwin.report;

import java.time.Instant;
import java.util.List;

/** Reverse-twin reports as the engine returns them, for tests of the faces that render them (CLI, GitHub Action). */
public final class SampleReverseTwinReports {
    public static final Instant START = Instant.parse("2025-03-01T10:00:00Z");
    public static final DatabaseInfo PRODUCTION = new DatabaseInfo("prod.example.com", 5432, "app", "16.4", 16, null);
    public static final DatabaseInfo TWIN = new DatabaseInfo("twin.example.com", 5432, "app_twin", "17.2", 17, null);

    public static final Hazard INDEX_HAZARD = new Hazard("6", "V6__index_orders_by_customer.sql", 3, "index-without-concurrently",
            "CREATE INDEX orders_customer_idx ON public.orders (customer_id)",
            "Blocks every write to public.orders until the index is built.",
            "Use CREATE INDEX CONCURRENTLY in a migration of its own.");

    private SampleReverseTwinReports() {
    }

    private static MigrationReport v6(RehearsalOutcome rehearsal, MigrationStatus status, Double applySeconds) {
        return new MigrationReport("6", "index orders by customer", "V6__index_orders_by_customer.sql", "ab12", true, 1,
                rehearsal, rehearsal == RehearsalOutcome.NOT_RUN ? null : 0.4, status, applySeconds);
    }

    private static MigrationReport v7(RehearsalOutcome rehearsal, MigrationStatus status, Double applySeconds) {
        return new MigrationReport("7", "add order notes", "V7__add_order_notes.sql", "cd34", true, 2,
                rehearsal, rehearsal == RehearsalOutcome.NOT_RUN ? null : 0.1, status, applySeconds);
    }

    private static ReverseTwinReport report(Outcome outcome, double seconds, List<MigrationReport> migrations, List<Hazard> hazards,
                                            List<PhaseTiming> phases, Failure failure, MigrationError error) {
        return new ReverseTwinReport("neon-twin", "test", outcome, START, START.plusMillis((long) (seconds * 1000)), seconds,
                PRODUCTION, TWIN, "migrations", "neon_twin.schema_migrations", 5, migrations, hazards, phases,
                List.of(), failure, error);
    }

    /** --dry-run: both pending migrations rehearsed, production untouched. */
    public static ReverseTwinReport planned() {
        return report(Outcome.PLANNED, 3.2, List.of(v6(RehearsalOutcome.PASSED, MigrationStatus.PENDING, null),
                        v7(RehearsalOutcome.PASSED, MigrationStatus.PENDING, null)), List.of(INDEX_HAZARD),
                List.of(new PhaseTiming("preflight", 0.5), new PhaseTiming("plan", 0.1), new PhaseTiming("rehearsal", 0.6)),
                null, null);
    }

    /** Both pending migrations applied. */
    public static ReverseTwinReport succeeded() {
        return report(Outcome.SUCCEEDED, 4.25, List.of(v6(RehearsalOutcome.PASSED, MigrationStatus.APPLIED, 1.2),
                        v7(RehearsalOutcome.PASSED, MigrationStatus.APPLIED, 0.3)), List.of(INDEX_HAZARD),
                List.of(new PhaseTiming("preflight", 0.5), new PhaseTiming("plan", 0.1), new PhaseTiming("rehearsal", 0.6),
                        new PhaseTiming("apply", 1.6)), null, null);
    }

    /** V6 applied by this run; V7 found applied by someone else (a migrator that ignores the lock) and skipped. */
    public static ReverseTwinReport succeededWithOneSkipped() {
        return report(Outcome.SUCCEEDED, 4.25, List.of(v6(RehearsalOutcome.PASSED, MigrationStatus.APPLIED, 1.2),
                        v7(RehearsalOutcome.PASSED, MigrationStatus.SKIPPED, null)), List.of(INDEX_HAZARD),
                List.of(new PhaseTiming("preflight", 0.5), new PhaseTiming("plan", 0.1), new PhaseTiming("rehearsal", 0.6),
                        new PhaseTiming("apply", 1.6)), null, null);
    }

    /** Production already holds every migration. */
    public static ReverseTwinReport upToDate() {
        return report(Outcome.SUCCEEDED, 0.8, List.of(), List.of(), List.of(new PhaseTiming("preflight", 0.5),
                new PhaseTiming("plan", 0.1)), null, null);
    }

    /** V6 applied; V7 gave up waiting for a lock on production on every retry and was rolled back. */
    public static ReverseTwinReport failedOnProduction(String message) {
        return report(Outcome.FAILED, 31.0, List.of(v6(RehearsalOutcome.PASSED, MigrationStatus.APPLIED, 1.2),
                        v7(RehearsalOutcome.PASSED, MigrationStatus.FAILED, null)), List.of(INDEX_HAZARD),
                List.of(new PhaseTiming("preflight", 0.5), new PhaseTiming("plan", 0.1), new PhaseTiming("rehearsal", 0.6),
                        new PhaseTiming("apply", 29.8)),
                new Failure("apply", "V7__add_order_notes.sql line 4: " + message, 14,
                        "V6 applied and recorded; V7 rolled back, not recorded"),
                new MigrationError("apply", "7", "V7__add_order_notes.sql", 4,
                        "ALTER TABLE public.orders ADD COLUMN notes text", "55P03", message));
    }

    /** V7 failed in the rehearsal on the twin: nothing was applied to production. */
    public static ReverseTwinReport failedInRehearsal() {
        return report(Outcome.FAILED, 2.0, List.of(v6(RehearsalOutcome.PASSED, MigrationStatus.PENDING, null),
                        v7(RehearsalOutcome.FAILED, MigrationStatus.PENDING, null)), List.of(INDEX_HAZARD),
                List.of(new PhaseTiming("preflight", 0.5), new PhaseTiming("plan", 0.1), new PhaseTiming("rehearsal", 0.3)),
                new Failure("rehearsal", "V7__add_order_notes.sql line 2: relation \"public.order\" does not exist", 14,
                        "unchanged: nothing was applied"),
                new MigrationError("rehearsal", "7", "V7__add_order_notes.sql", 2,
                        "UPDATE public.order SET notes = ''", "42P01", "relation \"public.order\" does not exist"));
    }

    /** The folder disagrees with production's history: refused before any plan. */
    public static ReverseTwinReport refusedHistory() {
        return report(Outcome.FAILED, 0.6, null, null, List.of(new PhaseTiming("preflight", 0.5)),
                new Failure("plan", "V3__add_users.sql was applied with checksum 0f00 but the file now has 1bad; restore the file as applied and put the change in a new migration.",
                        15, "unchanged: nothing was applied"), null);
    }
}
