package io.neontwin.action;

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

/** Reports as the engine returns them, for tests of the action's rendering. */
final class SampleReports {
    static final Instant START = Instant.parse("2025-01-01T02:00:00Z");

    private SampleReports() {
    }

    static TwinReport succeeded(int tableCount) {
        List<TableReport> tables = new ArrayList<>();
        for (int i = 0; i < tableCount; i++) {
            tables.add(new TableReport("public", "table_" + i, 1000L * (tableCount - i), 1000L * (tableCount - i),
                    64_000L * (tableCount - i), 0.5, 1, true));
        }
        long rows = tables.stream().mapToLong(TableReport::rows).sum();
        long bytes = tables.stream().mapToLong(TableReport::bytes).sum();
        return new TwinReport("neon-twin", "test", Outcome.SUCCEEDED, START, START.plusSeconds(12), 12.34,
                new DatabaseInfo("prod.example.com", 5432, "app", "15.8", 15, 10_000_000L),
                new DatabaseInfo("twin.example.com", 5432, "app_twin", "17.2", 17, 9_000_000L),
                new ClientInfo("17.2", 17, "/usr/lib/postgresql/17/bin/pg_dump", "/usr/lib/postgresql/17/bin/pg_restore"),
                List.of(new PhaseTiming("preflight", 0.4), new PhaseTiming("data", 9.1), new PhaseTiming("swap", 0.2)),
                tables, new Totals(tableCount, rows, bytes, 42.5),
                new Verification("counts", true, tableCount, List.of()), List.of("extension pg_cron is not available on the twin"), null);
    }

    static TwinReport failedInData(String message) {
        return new TwinReport("neon-twin", "test", Outcome.FAILED, START, START.plusSeconds(3), 3.0,
                new DatabaseInfo("prod.example.com", 5432, "app", "15.8", 15, null),
                new DatabaseInfo("twin.example.com", 5432, "app_twin", "17.2", 17, null),
                null, List.of(new PhaseTiming("preflight", 0.4)), List.of(), null, null, List.of(),
                new Failure("data", message, 11, "previous twin kept unchanged"));
    }
}
