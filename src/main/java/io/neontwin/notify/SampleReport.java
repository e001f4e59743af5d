package io.neontwin.notify;

import io.neontwin.report.ToolVersion;
import io.neontwin.report.ClientInfo;
import io.neontwin.report.DatabaseInfo;
import io.neontwin.report.Failure;
import io.neontwin.report.Outcome;
import io.neontwin.report.PhaseTiming;
import io.neontwin.report.TableReport;
import io.neontwin.report.Totals;
import io.neontwin.report.TwinReport;
import io.neontwin.report.Hazard;
import io.neontwin.report.MigrationError;
import io.neontwin.report.MigrationReport;
import io.neontwin.report.MigrationStatus;
import io.neontwin.report.RehearsalOutcome;
import io.neontwin.report.ReverseTwinReport;
import io.neontwin.reversetwin.HazardKind;
import io.neontwin.report.Verification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Realistic reports of a made-up shop, for {@code notify-test} and the rendered examples in docs/notifications.md.
 * Hosts are example.com names: a sample must not look like it came from a real server.
 */
public final class SampleReport {
    static final String TEST_LABEL = "Test message from neon-twin notify-test: no twin was made, the figures are a sample.";
    static final String REVERSE_TEST_LABEL =
            "Test message from neon-twin notify-test: no migration was applied, the figures are a sample.";

    private static final DatabaseInfo PRODUCTION =
            new DatabaseInfo("db.shop.example.com", 5432, "shop", "15.8", 15, 48_310_000_000L);
    private static final ClientInfo CLIENT =
            new ClientInfo("16.4", 16, "/usr/lib/postgresql/16/bin/pg_dump", "/usr/lib/postgresql/16/bin/pg_restore");

    private static final DatabaseInfo REVERSE_PRODUCTION =
            new DatabaseInfo("db.shop.example.com", 5432, "shop", "15.8", 15, null);
    private static final DatabaseInfo REVERSE_TWIN =
            new DatabaseInfo("ep-quiet-lake-a1b2c3.eu-central-1.aws.neon.example.com", 5432, "shop_twin", "15.8", 15, null);
    private static final String MIGRATIONS_PATH = "db/migrations";
    private static final String HISTORY_TABLE = "neon_twin.schema_migrations";
    private static final String V41 = "V41__add_order_status.sql";
    private static final String V42 = "V42__index_orders_status.sql";

    private SampleReport() {
    }

    public static TwinReport succeeded(Instant finishedAt) {
        List<PhaseTiming> phases = List.of(new PhaseTiming("preflight", 1.8), new PhaseTiming("schema", 3.2),
                new PhaseTiming("data", 161.4), new PhaseTiming("post-data", 22.7), new PhaseTiming("sequences", 0.3),
                new PhaseTiming("analyze", 4.9), new PhaseTiming("verify", 6.1), new PhaseTiming("swap", 0.4));
        List<TableReport> tables = List.of(
                table("public", "order_items", 52_140_322, 12_910_000_000L, 74.2),
                table("public", "orders", 18_204_911, 9_480_000_000L, 61.9),
                table("public", "events", 9_873_004, 6_120_000_000L, 40.3),
                table("public", "payments", 17_950_120, 3_310_000_000L, 22.8),
                table("public", "customers", 1_204_877, 842_000_000L, 6.1),
                table("public", "addresses", 1_410_552, 301_000_000L, 2.4),
                table("public", "shipments", 960_311, 188_000_000L, 1.9),
                table("public", "products", 48_220, 61_000_000L, 0.8),
                table("public", "coupons", 12_004, 2_100_000L, 0.1),
                table("public", "categories", 412, 48_000L, 0.1),
                table("public", "schema_migrations", 231, 9_000L, 0.1),
                new TableReport("audit", "log", 88_000_000, 0, 0, 0, 0, false));
        long rows = tables.stream().mapToLong(TableReport::rows).sum();
        long bytes = tables.stream().mapToLong(TableReport::bytes).sum();
        double seconds = phases.stream().mapToDouble(PhaseTiming::seconds).sum();
        return new TwinReport("neon-twin", ToolVersion.current(), Outcome.SUCCEEDED, finishedAt.minusMillis((long) (seconds * 1000)),
                finishedAt, seconds, PRODUCTION,
                new DatabaseInfo("ep-quiet-lake-a1b2c3.eu-central-1.aws.neon.example.com", 5432, "shop_twin", "16.4", 16, 41_870_000_000L),
                CLIENT, phases, tables, new Totals(tables.size(), rows, bytes, bytes / 161.4 / 1e6),
                new Verification("counts", true, 11, List.of()),
                List.of("Extension pg_stat_statements is on production but not installed on the twin's server; it was skipped."),
                null);
    }

    public static TwinReport failed(Instant finishedAt) {
        List<PhaseTiming> phases = List.of(new PhaseTiming("preflight", 1.9), new PhaseTiming("schema", 3.4),
                new PhaseTiming("data", 89.6));
        double seconds = phases.stream().mapToDouble(PhaseTiming::seconds).sum();
        return new TwinReport("neon-twin", ToolVersion.current(), Outcome.FAILED, finishedAt.minusMillis((long) (seconds * 1000)),
                finishedAt, seconds, PRODUCTION,
                new DatabaseInfo("ep-quiet-lake-a1b2c3.eu-central-1.aws.neon.example.com", 5432, "shop_twin", "16.4", 16, null),
                CLIENT, phases, List.of(), null, null, List.of(),
                new Failure("data", "The connection to production was lost while copying public.order_items "
                        + "(server closed the connection unexpectedly); rerun when production is reachable.", 11,
                        "previous twin kept unchanged (refreshed 2025-06-01 04:12 UTC)"));
    }

    /**
     * A reverse-twin run that applied two migrations to production: one adds a checked column (a hazard: the CHECK
     * scans the table under lock), the other builds an index CONCURRENTLY, outside a transaction.
     */
    public static ReverseTwinReport reverseSucceeded(Instant finishedAt) {
        List<PhaseTiming> phases = List.of(new PhaseTiming("preflight", 1.2), new PhaseTiming("plan", 0.3),
                new PhaseTiming("rehearsal", 39.1), new PhaseTiming("apply", 213.4));
        List<MigrationReport> migrations = List.of(
                new MigrationReport("41", "add order status", V41,
                        "5f2b8c3a9d0e41f7a6c2b1e8d4f09a73c5e6b2d1a8f4c7e0b9d3a6f1c2e5b8a4", true, 2,
                        RehearsalOutcome.PASSED, 0.9, MigrationStatus.APPLIED, 0.8),
                new MigrationReport("42", "index orders status", V42,
                        "c81e728d9d4c2f636f067f89cc14862c3a2e1b0f9d8c7b6a5e4d3c2b1a0f9e8d", false, 1,
                        RehearsalOutcome.PASSED, 38.2, MigrationStatus.APPLIED, 212.6));
        double seconds = phases.stream().mapToDouble(PhaseTiming::seconds).sum();
        return new ReverseTwinReport("neon-twin", ToolVersion.current(), Outcome.SUCCEEDED,
                finishedAt.minusMillis(Math.round(seconds * 1000)), finishedAt, seconds, REVERSE_PRODUCTION, REVERSE_TWIN,
                MIGRATIONS_PATH, HISTORY_TABLE, 40, migrations, List.of(statusCheckHazard()), phases, List.of(), null, null);
    }

    /** The same two migrations as a dry run: planned and rehearsed on the twin, production untouched. */
    public static ReverseTwinReport reversePlanned(Instant finishedAt) {
        ReverseTwinReport applied = reverseSucceeded(finishedAt);
        List<PhaseTiming> phases = applied.phases().stream().filter(phase -> !phase.phase().equals("apply")).toList();
        List<MigrationReport> pending = applied.migrations().stream()
                .map(m -> new MigrationReport(m.version(), m.description(), m.file(), m.checksum(), m.transactional(),
                        m.statements(), m.rehearsal(), m.rehearsalSeconds(), MigrationStatus.PENDING, null))
                .toList();
        double seconds = phases.stream().mapToDouble(PhaseTiming::seconds).sum();
        return new ReverseTwinReport(applied.tool(), applied.toolVersion(), Outcome.PLANNED,
                finishedAt.minusMillis(Math.round(seconds * 1000)), finishedAt, seconds, applied.production(), applied.twin(),
                applied.migrationsPath(), applied.historyTable(), applied.appliedBefore(), pending, applied.hazards(), phases,
                List.of(), null, null);
    }

    /**
     * A run whose second migration could not take its lock on production (a long transaction held the table): the
     * first migration stays applied, the second was rolled back.
     */
    public static ReverseTwinReport reverseFailed(Instant finishedAt) {
        List<PhaseTiming> phases = List.of(new PhaseTiming("preflight", 1.3), new PhaseTiming("plan", 0.2),
                new PhaseTiming("rehearsal", 2.4), new PhaseTiming("apply", 16.8));
        String statement = "ALTER TABLE orders ADD COLUMN gift_note text";
        List<MigrationReport> migrations = List.of(
                new MigrationReport("41", "add order status", V41,
                        "5f2b8c3a9d0e41f7a6c2b1e8d4f09a73c5e6b2d1a8f4c7e0b9d3a6f1c2e5b8a4", true, 2,
                        RehearsalOutcome.PASSED, 0.9, MigrationStatus.APPLIED, 0.8),
                new MigrationReport("42", "add gift note", "V42__add_gift_note.sql",
                        "9a0364b9e99bb480dd25e1f0284c8555b1a3d2c4e5f60718293a4b5c6d7e8f90", true, 1,
                        RehearsalOutcome.PASSED, 0.1, MigrationStatus.FAILED, null));
        double seconds = phases.stream().mapToDouble(PhaseTiming::seconds).sum();
        return new ReverseTwinReport("neon-twin", ToolVersion.current(), Outcome.FAILED,
                finishedAt.minusMillis(Math.round(seconds * 1000)), finishedAt, seconds, REVERSE_PRODUCTION, REVERSE_TWIN,
                MIGRATIONS_PATH, HISTORY_TABLE, 40, migrations, List.of(statusCheckHazard()), phases, List.of(),
                new Failure("apply", "V42__add_gift_note.sql line 3 could not take its lock on production within"
                        + " lock_timeout (5s), 3 attempts; find the long transaction holding orders and rerun.", 14,
                        "V41 applied; V42 rolled back"),
                new MigrationError("apply", "42", "V42__add_gift_note.sql", 3, statement, "55P03",
                        "canceling statement due to lock timeout"));
    }

    private static Hazard statusCheckHazard() {
        HazardKind kind = HazardKind.FULL_SCAN_UNDER_LOCK;
        return new Hazard("41", V41, 4, kind.code(),
                "ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status IN ('new', 'paid', 'shipped', 'cancelled'))",
                kind.risk(), kind.advice());
    }

    /** The reverse-twin sample with a warning saying it is a test, for the webhook's raw JSON too. */
    static ReverseTwinReport labelledAsTest(ReverseTwinReport report) {
        List<String> warnings = new ArrayList<>();
        warnings.add(REVERSE_TEST_LABEL);
        if (report.warnings() != null) {
            warnings.addAll(report.warnings());
        }
        return new ReverseTwinReport(report.tool(), report.toolVersion(), report.outcome(), report.startedAt(),
                report.finishedAt(), report.durationSeconds(), report.production(), report.twin(), report.migrationsPath(),
                report.historyTable(), report.appliedBefore(), report.migrations(), report.hazards(), report.phases(),
                List.copyOf(warnings), report.failure(), report.failedMigration());
    }

    /** The same report with a warning saying it is a test, so that even the raw JSON a webhook receives says so. */
    static TwinReport labelledAsTest(TwinReport report) {
        List<String> warnings = new ArrayList<>();
        warnings.add(TEST_LABEL);
        if (report.warnings() != null) {
            warnings.addAll(report.warnings());
        }
        return new TwinReport(report.tool(), report.toolVersion(), report.outcome(), report.startedAt(), report.finishedAt(),
                report.durationSeconds(), report.production(), report.twin(), report.client(), report.phases(), report.tables(),
                report.totals(), report.verification(), List.copyOf(warnings), report.failure());
    }

    private static TableReport table(String schema, String name, long rows, long bytes, double seconds) {
        return new TableReport(schema, name, rows, rows, bytes, seconds, bytes > 1_000_000_000L ? 8 : 1, true);
    }
}
