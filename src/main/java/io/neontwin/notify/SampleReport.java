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

    private static final DatabaseInfo PRODUCTION =
            new DatabaseInfo("db.shop.example.com", 5432, "shop", "15.8", 15, 48_310_000_000L);
    private static final ClientInfo CLIENT =
            new ClientInfo("16.4", 16, "/usr/lib/postgresql/16/bin/pg_dump", "/usr/lib/postgresql/16/bin/pg_restore");

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
