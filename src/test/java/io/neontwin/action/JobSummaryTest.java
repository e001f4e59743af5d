package io.neontwin.action;

import io.neontwin.report.TwinReport;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobSummaryTest {
    @Test
    void aSucceededRunSaysWhatWasCopiedWhereAndHowFast() {
        String summary = JobSummary.render(SampleReports.succeeded(3), "neon-twin-report.json");
        assertTrue(summary.startsWith("## ✅ Neon twin refreshed"), summary);
        assertTrue(summary.contains("| Production (read) | `prod.example.com:5432/app` | 15.8 |"), summary);
        assertTrue(summary.contains("| Twin (replaced) | `twin.example.com:5432/app_twin` | 17.2 |"), summary);
        assertTrue(summary.contains("| 3 | 6,000 | 384.0 kB | 42.5 MB/s | 12.3 s |"), summary);
        assertTrue(summary.contains("| `public.table_0` | 3,000 | 192.0 kB | 0.5 s | 1 |"), summary);
        assertTrue(summary.contains("| data | 9.1 s |"), summary);
        assertTrue(summary.contains("counts: passed, 3 tables checked."), summary);
        assertTrue(summary.contains("- extension pg_cron is not available on the twin"), summary);
        assertTrue(summary.contains("`neon-twin-report.json`"), summary);
    }

    @Test
    void onlyTheLargestTablesAreListed() {
        String summary = JobSummary.render(SampleReports.succeeded(500), "r.json");
        assertTrue(summary.contains("`public.table_19`"));
        assertFalse(summary.contains("`public.table_20`"));
        assertTrue(summary.contains("…and 480 smaller tables"));
    }

    @Test
    void aFailedRunSaysWherePhaseErrorAndWhatTheTwinIsNow() {
        String summary = JobSummary.render(SampleReports.failedInData("connection to production lost"), "r.json");
        assertTrue(summary.startsWith("## ❌ Neon twin failed"), summary);
        assertTrue(summary.contains("- **Phase:** data"));
        assertTrue(summary.contains("- **Error:** connection to production lost"));
        assertTrue(summary.contains("- **Twin now:** previous twin kept unchanged"));
        assertTrue(summary.contains("- **Exit code:** 11 (the copy failed mid-way"));
    }

    @Test
    void databaseTextCannotBreakTheMarkdown() {
        assertTrue(JobSummary.cell("a|b<script>\nc`d").equals("a\\|b&lt;script&gt; c'd"));
        // inside a code span GitHub shows entities as written: only what would end the span or the line changes
        assertEquals("`WHERE a > 0 AND b <> 'x'`", JobSummary.inlineCode("WHERE a > 0\nAND b <> `x`"));
    }

    @Test
    void staysUnderGitHubsOneMebibyteLimitWhateverTheReportHolds() {
        TwinReport base = SampleReports.failedInData("x".repeat(2_000_000));
        List<String> warnings = Collections.nCopies(10_000, "w".repeat(10_000));
        TwinReport huge = new TwinReport(base.tool(), base.toolVersion(), base.outcome(), base.startedAt(), base.finishedAt(),
                base.durationSeconds(), base.production(), base.twin(), base.client(), base.phases(), base.tables(), base.totals(),
                base.verification(), warnings, base.failure());
        String summary = JobSummary.render(huge, "r.json");
        assertTrue(summary.getBytes(StandardCharsets.UTF_8).length < 1024 * 1024);
        assertTrue(summary.contains("- …and 9970 more"));

        String cut = JobSummary.capped("é".repeat(1024 * 1024));
        assertTrue(cut.getBytes(StandardCharsets.UTF_8).length < 1024 * 1024);
        assertTrue(cut.endsWith("the JSON report has everything.\n"));
        assertFalse(cut.contains("\uFFFD"));
    }
}
