package io.neontwin.notify;

import com.fasterxml.jackson.databind.JsonNode;
import io.neontwin.report.DatabaseInfo;
import io.neontwin.report.Failure;
import io.neontwin.report.Outcome;
import io.neontwin.report.PhaseTiming;
import io.neontwin.report.TableReport;
import io.neontwin.report.Totals;
import io.neontwin.report.TwinReport;
import io.neontwin.report.Verification;
import io.neontwin.secrets.Secrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.neontwin.notify.BlockKitAssertions.allTexts;
import static io.neontwin.notify.BlockKitAssertions.assertValidSlackPayload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TwinSlackMessageTest {
    private static final Instant FINISHED = Instant.parse("2025-06-02T04:15:00Z");
    private static final RunContext RUN = RunContext.fromEnvironment(Map.of(
            "GITHUB_SERVER_URL", "https://github.com", "GITHUB_REPOSITORY", "acme/shop", "GITHUB_RUN_ID", "987654"));

    @AfterEach
    void forgetSecrets() {
        Secrets.clearForTests();
    }

    @Test
    void successNamesTheTwinWithItsOwnSizeAndTheFiguresOfTheReport() {
        TwinReport report = SampleReport.succeeded(FINISHED);
        JsonNode payload = TwinSlackMessage.render(report, RUN);
        assertValidSlackPayload(payload);
        String text = String.join("\n", allTexts(payload));

        assertEquals("✅ Neon Twin ready: shop_twin", header(payload));
        assertTrue(text.contains("`shop_twin` · 41.9 GB"), "twin name with the twin's size, not production's 48.3 GB");
        assertFalse(text.contains("48.3 GB"), "production's size is not what a success reports");
        assertTrue(text.contains("12 tables · 101,804,964 rows · 33.2 GB"), "totals of tables, rows and bytes copied");
        assertTrue(text.contains("*Duration*\n3m 21s"), "the twin's own duration (200.8 s)");
        assertTrue(text.contains("preflight 1.8s · schema 3.2s · data 2m 41s · post-data 23s"), "each phase with its time");
        assertTrue(text.contains("`shop` · PostgreSQL 15.8"), "production version");
        assertTrue(text.contains("*Twin server*\nPostgreSQL 16.4"), "twin version");
        assertTrue(text.contains("counts match on 11 tables"), "verification result");
        assertTrue(text.contains("`public.order_items` — 52,140,322 rows · 12.9 GB · 1m 14s"), "largest table first");
        assertTrue(text.contains("pg_stat_statements"), "warnings are shown");
        assertTrue(text.contains("<https://github.com/acme/shop/actions/runs/987654|View acme/shop run 987654>"), "link to the run");
        assertTrue(text.contains("<!date^" + FINISHED.getEpochSecond() + "^"), "the time, in each reader's time zone");
        assertTrue(text.contains("2025-06-02 04:15 UTC"), "the time, for clients without date formatting");
        assertTrue(payload.path("text").asText().startsWith("Neon Twin ready: shop_twin (41.9 GB), 12 tables"),
                "the fallback text (phone notifications) carries the essentials");
    }

    @Test
    void longTableListsAreCutWithACountOfWhatWasLeftOut() {
        JsonNode payload = TwinSlackMessage.render(SampleReport.succeeded(FINISHED), RUN);
        String tables = sectionStartingWith(payload, "*Largest tables*");
        assertEquals(10, tables.lines().filter(line -> line.startsWith("• ")).count(), "the ten largest tables");
        assertTrue(tables.endsWith("_…and 2 more tables_"), tables);
    }

    @Test
    void failureSaysWhichPhaseFailedWhyAndWhatTheTwinIsNow() {
        JsonNode payload = TwinSlackMessage.render(SampleReport.failed(FINISHED), RUN);
        assertValidSlackPayload(payload);
        String text = String.join("\n", allTexts(payload));

        assertEquals("❌ Neon Twin failed during data", header(payload));
        assertTrue(text.contains("*Error*\n>The connection to production was lost while copying public.order_items"), text);
        assertTrue(text.contains("*Twin now*\nprevious twin kept unchanged (refreshed 2025-06-01 04:12 UTC)"), text);
        assertTrue(text.contains("*Exit code*\n11 (copy failed)"), text);
        assertTrue(text.contains("*Phases run*\npreflight 1.9s · schema 3.4s · data 1m 30s"), text);
        assertTrue(text.contains("View acme/shop run 987654"), "the link to the run");
        assertTrue(payload.path("text").asText().startsWith("Neon Twin failed during data: The connection to production was lost"));
    }

    @Test
    void aReportThatFailedBeforeAnythingWasMeasuredShowsNoNullOrNaN() {
        TwinReport bare = new TwinReport(null, null, Outcome.FAILED, null, null, Double.NaN, null, null, null, null, null,
                null, null, null, new Failure("preflight", null, 4, null));
        JsonNode payload = TwinSlackMessage.render(bare, RunContext.NONE);
        assertValidSlackPayload(payload);
        assertEquals("❌ Neon Twin failed during preflight", header(payload));
        String text = String.join("\n", allTexts(payload));
        assertTrue(text.contains("*Ran for*\nunknown"), text);
        assertTrue(text.contains("*Twin now*\nunknown"), text);
    }

    @Test
    void aSuccessWithoutSizesTotalsOrVerificationStillRendersPlainWords() {
        TwinReport sparse = new TwinReport("neon-twin", "0.1.0", Outcome.SUCCEEDED, null, FINISHED, 42, null,
                new DatabaseInfo("h", 5432, "app_twin", null, 0, null), null, List.of(), List.of(), null, null, List.of(), null);
        JsonNode payload = TwinSlackMessage.render(sparse, RunContext.NONE);
        assertValidSlackPayload(payload);
        String text = String.join("\n", allTexts(payload));
        assertTrue(text.contains("`app_twin` · size not measured"), text);
        assertTrue(text.contains("*Copied*\nnot measured"), text);
        assertTrue(text.contains("*Verification*\nnot run"), text);
        assertFalse(text.contains("View "), "no run link outside GitHub Actions");
    }

    @Test
    void aDryRunIsAPlanAndSaysNothingWasWritten() {
        TwinReport succeeded = SampleReport.succeeded(FINISHED);
        TwinReport planned = new TwinReport(succeeded.tool(), succeeded.toolVersion(), Outcome.PLANNED, succeeded.startedAt(),
                FINISHED, 2.5, succeeded.production(), succeeded.twin(), succeeded.client(), List.of(), succeeded.tables(),
                null, null, List.of(), null);
        JsonNode payload = TwinSlackMessage.render(planned, RUN);
        assertValidSlackPayload(payload);
        String text = String.join("\n", allTexts(payload));
        assertEquals("📝 Neon Twin plan (dry run): shop_twin", header(payload));
        assertTrue(text.contains("nothing was written"), text);
        assertTrue(text.contains("`public.order_items` — ~52,140,322 rows"), "estimated rows, not copied ones");
        assertTrue(text.contains("*Tables*\n12 tables · ~101,804,964 rows estimated"), "rows of structure-only tables not counted");
    }

    @Test
    void aFailedVerificationListsTheDifferences() {
        TwinReport sample = SampleReport.succeeded(FINISHED);
        TwinReport report = new TwinReport(sample.tool(), sample.toolVersion(), Outcome.FAILED, sample.startedAt(), FINISHED,
                190, sample.production(), sample.twin(), sample.client(), sample.phases(), sample.tables(), sample.totals(),
                new Verification("counts", false, 11, List.of("public.orders: 18,204,911 rows on production, 18,204,910 on the twin")),
                List.of(), new Failure("verify", "Verification found 1 difference.", 12, "previous twin kept unchanged"));
        String text = String.join("\n", allTexts(TwinSlackMessage.render(report, RUN)));
        assertTrue(text.contains("*Verification differences*\n• public.orders: 18,204,911 rows on production"), text);
    }

    @Test
    void hugeReportsStayWithinBlockKitLimitsAndSayHowMuchWasCut() {
        List<TableReport> tables = IntStream.range(0, 5000)
                .mapToObj(i -> new TableReport("s", "table_with_a_rather_long_name_" + i, i, i, i * 1000L, 1, 1, true)).toList();
        List<String> warnings = IntStream.range(0, 400).mapToObj(i -> "warning number " + i).toList();
        List<PhaseTiming> phases = IntStream.range(0, 500).mapToObj(i -> new PhaseTiming("phase" + i, i)).toList();
        TwinReport report = new TwinReport("neon-twin", "0.1.0", Outcome.FAILED, FINISHED, FINISHED, 10,
                new DatabaseInfo("h", 1, "d".repeat(400), "15", 15, 1L), new DatabaseInfo("h", 1, "t".repeat(400), "16", 16, 1L),
                null, phases, tables, new Totals(5000, 1, 1, 1), new Verification("counts", false, 5000,
                IntStream.range(0, 900).mapToObj(i -> "mismatch " + i).toList()), warnings,
                new Failure("data".repeat(100), "E".repeat(10_000), 11, "kept"));

        JsonNode payload = TwinSlackMessage.render(report, RUN);

        assertValidSlackPayload(payload);
        String text = String.join("\n", allTexts(payload));
        assertTrue(text.contains("_…and 390 more warnings_"), "ten warnings shown, the rest counted");
        assertTrue(text.contains("_…and 890 more differences_"), "ten differences shown, the rest counted");
        assertTrue(text.contains("View acme/shop run 987654"), "the run link survives every cut");
    }

    @Test
    void listsStopAtTheSectionTextLimitEvenBeforeTenLines() {
        List<String> longLines = IntStream.range(0, 20).map(i -> i).mapToObj(i -> i + " " + "x".repeat(700)).toList();
        String list = SlackText.bulletList("*Warnings*", longLines, 10, SlackBlocks.MAX_SECTION_TEXT, "warnings");
        assertTrue(list.length() <= SlackBlocks.MAX_SECTION_TEXT, "within 3000 characters: " + list.length());
        assertEquals(4, list.lines().filter(line -> line.startsWith("• ")).count(), "four 700-character lines fit");
        assertTrue(list.endsWith("_…and 16 more warnings_"), list);
    }

    @Test
    void blocksBeyondFiftyAreCountedAndTheFooterIsKept() {
        SlackBlocks blocks = new SlackBlocks();
        IntStream.range(0, 80).forEach(i -> blocks.section("section " + i));
        blocks.footer("footer");
        JsonNode built = blocks.build();
        assertEquals(50, built.size());
        assertEquals("_…and 32 more blocks not shown_", built.get(48).path("elements").get(0).path("text").asText());
        assertEquals("footer", built.get(49).path("elements").get(0).path("text").asText());
    }

    @Test
    void aHeaderLongerThan150CharactersIsCut() {
        TwinReport sample = SampleReport.succeeded(FINISHED);
        TwinReport longName = new TwinReport(sample.tool(), sample.toolVersion(), Outcome.SUCCEEDED, null, FINISHED, 1,
                null, new DatabaseInfo("h", 1, "n".repeat(300), "16", 16, 1L), null, null, null, null, null, null, null);
        String header = header(TwinSlackMessage.render(longName, RunContext.NONE));
        assertEquals(150, header.length());
        assertTrue(header.endsWith("…"));
    }

    @Test
    void textFromTheReportCannotInjectMentionsOrLinks() {
        TwinReport sample = SampleReport.failed(FINISHED);
        TwinReport report = new TwinReport(sample.tool(), sample.toolVersion(), Outcome.FAILED, null, FINISHED, 1, null, null,
                null, null, null, null, null, null, new Failure("data", "relation <!channel> & <https://evil|x> failed", 11, "kept"));
        String text = String.join("\n", allTexts(TwinSlackMessage.render(report, RunContext.NONE)));
        assertTrue(text.contains("relation &lt;!channel&gt; &amp; &lt;https://evil|x&gt; failed"), text);
        assertFalse(text.contains("<!channel>"));
    }

    @Test
    void noRegisteredSecretAppearsAnywhereInThePayload() {
        Secrets.register("s3cr3t-pa55word");
        TwinReport sample = SampleReport.failed(FINISHED);
        List<String> warnings = new ArrayList<>(List.of("retrying postgres://app:s3cr3t-pa55word@db/shop"));
        TwinReport leaky = new TwinReport(sample.tool(), sample.toolVersion(), Outcome.FAILED, null, FINISHED, 1,
                new DatabaseInfo("db", 5432, "s3cr3t-pa55word", "15", 15, null), sample.twin(), null, null, null, null, null,
                warnings, new Failure("data", "password s3cr3t-pa55word rejected", 5, "kept"));
        String json = TwinSlackMessage.render(leaky, RUN).toString();
        assertFalse(json.contains("s3cr3t-pa55word"), json);
        assertTrue(json.contains("password *** rejected"), json);
    }

    @Test
    void aTestMessageSaysSoInTheHeaderAndTheBanner() {
        JsonNode payload = TwinSlackMessage.render(SampleReport.succeeded(FINISHED), RUN.asTestMessage());
        assertValidSlackPayload(payload);
        assertTrue(header(payload).startsWith("[Test] "), header(payload));
        assertTrue(payload.path("text").asText().startsWith("[Test] "));
        assertTrue(String.join("\n", allTexts(payload)).contains("*Test message* sent by `neon-twin notify-test`"));
    }

    @Test
    void sameReportSamePayload() {
        TwinReport report = SampleReport.succeeded(FINISHED);
        assertEquals(TwinSlackMessage.render(report, RUN), TwinSlackMessage.render(report, RUN));
    }

    private static String header(JsonNode payload) {
        JsonNode first = payload.path("blocks").get(0);
        assertEquals("header", first.path("type").asText());
        return first.path("text").path("text").asText();
    }

    private static String sectionStartingWith(JsonNode payload, String start) {
        for (JsonNode block : payload.path("blocks")) {
            String text = block.path("text").path("text").asText("");
            if (text.startsWith(start)) {
                return text;
            }
        }
        throw new AssertionError("no section starting with " + start + " in " + payload);
    }
}
