package io.neontwin.notify;

import com.fasterxml.jackson.databind.JsonNode;
import io.neontwin.report.DatabaseInfo;
import io.neontwin.report.Failure;
import io.neontwin.report.Hazard;
import io.neontwin.report.MigrationError;
import io.neontwin.report.MigrationReport;
import io.neontwin.report.MigrationStatus;
import io.neontwin.report.Outcome;
import io.neontwin.report.RehearsalOutcome;
import io.neontwin.report.ReverseTwinReport;
import io.neontwin.secrets.Secrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.neontwin.notify.BlockKitAssertions.allTexts;
import static io.neontwin.notify.BlockKitAssertions.assertValidSlackPayload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReverseTwinSlackMessageTest {
    private static final Instant FINISHED = Instant.parse("2025-06-02T04:15:00Z");
    private static final RunContext RUN = RunContext.fromEnvironment(Map.of(
            "GITHUB_SERVER_URL", "https://github.com", "GITHUB_REPOSITORY", "acme/shop", "GITHUB_RUN_ID", "987654"));

    @AfterEach
    void forgetSecrets() {
        Secrets.clearForTests();
    }

    @Test
    void aPlanListsThePendingMigrationsTheirRehearsalAndTheHazardsAndSaysProductionWasNotTouched() {
        JsonNode payload = ReverseTwinSlackMessage.render(SampleReport.reversePlanned(FINISHED), RUN);
        assertValidSlackPayload(payload);
        String text = text(payload);

        assertEquals("📝 Reverse twin plan: 2 pending migrations for shop", header(payload));
        assertTrue(text.contains("*Production*\n`shop` · PostgreSQL 15.8"), text);
        assertTrue(text.contains("*Rehearsed on*\n`shop_twin`"), text);
        assertTrue(text.contains("*History table*\n`neon_twin.schema_migrations`"), text);
        assertTrue(text.contains("*Rehearsal*\n39s in total"), "the rehearsal phase's time: " + text);
        assertTrue(text.contains("• `V41` `V41__add_order_status.sql` — add order status · 2 statements · rehearsal passed in 0.9s\n"), text);
        assertTrue(text.contains("• `V42` `V42__index_orders_status.sql` — index orders status · 1 statement · rehearsal passed in 38s"
                + " · runs outside a transaction"), text);
        assertTrue(text.contains("*1 hazard* found by reading the SQL\n• :warning: `full-scan-under-lock` V41__add_order_status.sql:4 — Reads every row"),
                text);
        assertTrue(text.contains("_Add CHECK and FOREIGN KEY constraints NOT VALID"), "a plan gives the advice: " + text);
        assertTrue(text.contains("Production was not touched."), text);
        assertEquals("Reverse twin plan for shop: 2 pending migrations, 1 hazard. Production was not touched.",
                payload.path("text").asText());
        assertTrue(text.contains("<https://github.com/acme/shop/actions/runs/987654|View acme/shop run 987654>"), "link to the run");
    }

    @Test
    void aPlanWithNothingPendingSaysProductionIsUpToDate() {
        ReverseTwinReport report = withMigrations(SampleReport.reversePlanned(FINISHED), Outcome.PLANNED, List.of(), List.of());
        JsonNode payload = ReverseTwinSlackMessage.render(report, RUN);
        assertValidSlackPayload(payload);
        assertEquals("📝 Reverse twin plan: 0 pending migrations for shop", header(payload));
        assertTrue(text(payload).contains("Production is up to date: 40 migrations applied, none pending."), text(payload));
        assertFalse(text(payload).contains("hazard"), text(payload));
    }

    @Test
    void aSuccessCountsTheMigrationsAppliedWithTheirTimeOnProduction() {
        JsonNode payload = ReverseTwinSlackMessage.render(SampleReport.reverseSucceeded(FINISHED), RUN);
        assertValidSlackPayload(payload);
        String text = text(payload);

        assertEquals("✅ Migrations applied to shop: 2", header(payload));
        assertTrue(text.contains("*Versions*\nV41, V42"), text);
        assertTrue(text.contains("*History table*\n`neon_twin.schema_migrations`"), text);
        assertTrue(text.contains("*Duration*\n4m 14s"), "the run's duration (254 s): " + text);
        assertTrue(text.contains("• `V41` `V41__add_order_status.sql` — add order status · 2 statements · 0.8s on production"), text);
        assertTrue(text.contains("• `V42` `V42__index_orders_status.sql` — index orders status · 1 statement · 3m 33s on production"
                + " · runs outside a transaction"), text);
        assertTrue(text.contains("*1 hazard* found by reading the SQL\n• :warning: `full-scan-under-lock` V41__add_order_status.sql:4"), text);
        assertFalse(text.contains("rehearsal passed"), "after an apply, the time that matters is production's");
        assertFalse(text.contains("not touched"), text);
        assertEquals("Migrations applied to shop: 2 (V41, V42) in 4m 14s", payload.path("text").asText());
    }

    @Test
    void aSuccessWithNothingPendingSaysProductionIsUpToDate() {
        ReverseTwinReport report = withMigrations(SampleReport.reverseSucceeded(FINISHED), Outcome.SUCCEEDED, List.of(), List.of());
        JsonNode payload = ReverseTwinSlackMessage.render(report, RUN);
        assertValidSlackPayload(payload);
        assertEquals("✅ Production is up to date (shop)", header(payload));
        assertTrue(text(payload).contains("Production is up to date: 40 migrations applied, none pending."), text(payload));
    }

    @Test
    void aFailureOnProductionNamesTheFileAndLineQuotesTheErrorAndSaysWhatProductionHoldsNow() {
        JsonNode payload = ReverseTwinSlackMessage.render(SampleReport.reverseFailed(FINISHED), RUN);
        assertValidSlackPayload(payload);
        String text = text(payload);

        assertEquals("❌ Migration failed on production: V42__add_gift_note.sql line 3", header(payload));
        assertTrue(text.contains("*Error*\n>canceling statement due to lock timeout (SQLSTATE 55P03)"), text);
        assertTrue(text.contains("could not take its lock on production within lock_timeout (5s), 3 attempts"),
                "the tool's own sentence too: " + text);
        assertTrue(text.contains("*Statement* in `V42__add_gift_note.sql` line 3\n```ALTER TABLE orders ADD COLUMN gift_note text```"), text);
        assertTrue(text.contains("*Production now*\nV41 applied; V42 rolled back"), text);
        assertTrue(text.contains("*Exit code*\n14 (migration failed)"), text);
        assertTrue(text.contains("*Applied before the failure*\n• `V41` `V41__add_order_status.sql` — add order status · 2 statements · 0.8s on production"),
                text);
        assertTrue(text.contains("*Not applied*\nV42"), text);
        assertTrue(payload.path("text").asText().startsWith("Migration failed on production: V42__add_gift_note.sql line 3: "
                + "canceling statement due to lock timeout (SQLSTATE 55P03). Production now: V41 applied"),
                payload.path("text").asText());
    }

    @Test
    void aFailureInRehearsalSaysSo() {
        ReverseTwinReport sample = SampleReport.reverseFailed(FINISHED);
        ReverseTwinReport report = new ReverseTwinReport(sample.tool(), sample.toolVersion(), Outcome.FAILED, sample.startedAt(),
                FINISHED, 3, sample.production(), sample.twin(), sample.migrationsPath(), sample.historyTable(), 40,
                List.of(migration(3, RehearsalOutcome.FAILED, MigrationStatus.PENDING)), List.of(), List.of(), List.of(),
                new Failure("rehearsal", "V3__x.sql failed on the twin.", 14, "unchanged"),
                new MigrationError("rehearsal", "3", "V3__x.sql", 12, "ALTER TABLE x ADD COLUMN y int REFERENCES z", "42P01",
                        "relation \"z\" does not exist"));
        JsonNode payload = ReverseTwinSlackMessage.render(report, RUN);
        assertValidSlackPayload(payload);
        assertEquals("❌ Migration failed in rehearsal: V3__x.sql line 12", header(payload));
        assertTrue(text(payload).contains("*Production now*\nunchanged"), text(payload));
        assertTrue(text(payload).contains("(SQLSTATE 42P01)"), text(payload));
        assertFalse(text(payload).contains("Applied before"), "nothing was applied");
    }

    @Test
    void aFailureWithoutAFailingMigrationNamesThePhaseAndMissingFiguresAreLeftOut() {
        ReverseTwinReport report = new ReverseTwinReport("neon-twin", null, Outcome.FAILED, null, null, Double.NaN, null, null,
                null, null, null, null, null, null, null,
                new Failure("plan", "Production's history has V7, which the migrations folder lacks.", 15, "unchanged"),
                null);
        JsonNode payload = ReverseTwinSlackMessage.render(report, RunContext.NONE);
        assertValidSlackPayload(payload);
        assertEquals("❌ Reverse twin failed during plan", header(payload));
        assertTrue(text(payload).contains("*Exit code*\n15 (migrations invalid)"), text(payload));
        assertTrue(text(payload).contains(">Production's history has V7, which the migrations folder lacks."), text(payload));

        ReverseTwinReport empty = new ReverseTwinReport(null, null, Outcome.FAILED, null, null, 0, null, null, null, null, null,
                null, null, null, null, null, null);
        JsonNode bare = ReverseTwinSlackMessage.render(empty, RunContext.NONE);
        assertValidSlackPayload(bare);
        assertEquals("❌ Reverse twin failed", header(bare));
    }

    @Test
    void twoHundredPendingMigrationsAndHazardsAreCutWithACountWithinTheLimits() {
        List<MigrationReport> migrations = IntStream.rangeClosed(1, 200)
                .mapToObj(i -> migration(i, RehearsalOutcome.PASSED, MigrationStatus.PENDING)).toList();
        List<Hazard> hazards = IntStream.rangeClosed(1, 200).mapToObj(i -> new Hazard(String.valueOf(i), "V" + i + "__x.sql", i,
                "table-rewrite", "ALTER TABLE t ALTER COLUMN c TYPE bigint", "Rewrites the whole table ".repeat(20), "Add a new column.")).toList();
        for (Outcome outcome : Outcome.values()) {
            List<MigrationReport> shown = outcome == Outcome.PLANNED ? migrations : migrations.stream()
                    .map(m -> new MigrationReport(m.version(), m.description(), m.file(), m.checksum(), true, 3, m.rehearsal(),
                            m.rehearsalSeconds(), MigrationStatus.APPLIED, 1.5)).toList();
            ReverseTwinReport report = withMigrations(SampleReport.reverseSucceeded(FINISHED), outcome, shown, hazards);
            JsonNode payload = ReverseTwinSlackMessage.render(report, RUN);
            assertValidSlackPayload(payload);
            String text = text(payload);
            assertTrue(text.matches("(?s).*_…and [0-9,]+ more migrations_.*"), outcome + ": migrations counted: " + text);
            assertTrue(text.matches("(?s).*_…and [0-9,]+ more hazards_.*"), outcome + ": hazards counted: " + text);
            assertTrue(text.contains("*200 hazards*"), text);
        }
        ReverseTwinReport applied = withMigrations(SampleReport.reverseSucceeded(FINISHED), Outcome.SUCCEEDED,
                migrations.stream().map(m -> new MigrationReport(m.version(), m.description(), m.file(), m.checksum(), true, 3,
                        m.rehearsal(), m.rehearsalSeconds(), MigrationStatus.APPLIED, 1.5)).toList(), hazards);
        String text = text(ReverseTwinSlackMessage.render(applied, RUN));
        assertTrue(text.contains("*Versions*\nV1 … V200 (200 migrations)"), text);
        assertTrue(text.contains("_…and 197 more hazards_"), "after a success only the first three hazards: " + text);
    }

    @Test
    void noRegisteredSecretAppearsAnywhereInThePayload() {
        Secrets.register("s3cr3t-pa55word");
        ReverseTwinReport sample = SampleReport.reverseFailed(FINISHED);
        ReverseTwinReport leaky = new ReverseTwinReport(sample.tool(), sample.toolVersion(), Outcome.FAILED, sample.startedAt(),
                FINISHED, 2, new DatabaseInfo("db", 5432, "s3cr3t-pa55word", "15", 15, null), sample.twin(), sample.migrationsPath(),
                sample.historyTable(), 40, sample.migrations(), sample.hazards(), sample.phases(),
                List.of("retrying postgres://app:s3cr3t-pa55word@db/shop"),
                new Failure("apply", "password s3cr3t-pa55word rejected", 5, "unchanged"),
                new MigrationError("apply", "42", "V42__s3cr3t-pa55word.sql", 1, "SELECT 's3cr3t-pa55word'", null,
                        "role s3cr3t-pa55word"));
        String json = ReverseTwinSlackMessage.render(leaky, RUN).toString();
        assertFalse(json.contains("s3cr3t-pa55word"), json);
        assertTrue(json.contains("password *** rejected"), json);
    }

    @Test
    void textFromTheReportCannotInjectMentionsOrCloseTheCodeBlock() {
        ReverseTwinReport sample = SampleReport.reverseFailed(FINISHED);
        ReverseTwinReport report = new ReverseTwinReport(null, null, Outcome.FAILED, null, FINISHED, 1, null, null, null, null,
                null, null, null, null, null, new Failure("apply", "x", 14, "unchanged"),
                new MigrationError("apply", "1", "V1__x.sql", 1, "SELECT '```<!channel>'", null, "<!here> & boom"));
        String text = text(ReverseTwinSlackMessage.render(report, RunContext.NONE));
        assertFalse(text.contains("<!channel>") || text.contains("<!here>"), text);
        assertTrue(text.contains("```SELECT 'ʹʹʹ&lt;!channel&gt;'```"), text);
        assertTrue(sample.failure() != null);
    }

    @Test
    void aTestMessageSaysNoMigrationWasApplied() {
        JsonNode payload = ReverseTwinSlackMessage.render(SampleReport.reverseSucceeded(FINISHED), RUN.asTestMessage());
        assertValidSlackPayload(payload);
        assertTrue(header(payload).startsWith("[Test] ✅ Migrations applied"), header(payload));
        assertTrue(text(payload).contains("*Test message* sent by `neon-twin notify-test`: no migration was applied"), text(payload));
    }

    @Test
    void sameReportSamePayload() {
        ReverseTwinReport report = SampleReport.reverseFailed(FINISHED);
        assertEquals(ReverseTwinSlackMessage.render(report, RUN), ReverseTwinSlackMessage.render(report, RUN));
    }

    private static MigrationReport migration(int version, RehearsalOutcome rehearsal, MigrationStatus status) {
        return new MigrationReport(String.valueOf(version), "x", "V" + version + "__x.sql", "ab", true, 3, rehearsal,
                rehearsal == RehearsalOutcome.PASSED ? 0.4 : null, status, status == MigrationStatus.APPLIED ? 1.5 : null);
    }

    private static ReverseTwinReport withMigrations(ReverseTwinReport r, Outcome outcome, List<MigrationReport> migrations,
                                                    List<Hazard> hazards) {
        Failure failure = outcome == Outcome.FAILED ? new Failure("apply", "boom", 14, "unchanged") : null;
        return new ReverseTwinReport(r.tool(), r.toolVersion(), outcome, r.startedAt(), r.finishedAt(), r.durationSeconds(),
                r.production(), r.twin(), r.migrationsPath(), r.historyTable(), r.appliedBefore(), migrations, hazards, r.phases(),
                r.warnings(), failure, null);
    }

    private static String text(JsonNode payload) {
        return String.join("\n", allTexts(payload));
    }

    private static String header(JsonNode payload) {
        JsonNode first = payload.path("blocks").get(0);
        assertEquals("header", first.path("type").asText());
        return first.path("text").path("text").asText();
    }
}
