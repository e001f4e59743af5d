package io.neontwin.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neontwin.report.Failure;
import io.neontwin.report.Hazard;
import io.neontwin.report.MigrationError;
import io.neontwin.report.MigrationReport;
import io.neontwin.report.MigrationStatus;
import io.neontwin.report.PhaseTiming;
import io.neontwin.report.RehearsalOutcome;
import io.neontwin.report.ReverseTwinReport;

import java.util.List;
import java.util.Objects;

/**
 * The Slack message for a reverse-twin run (migrations proven on the twin, applied to production), built from the
 * report alone: a pure function of report and context. The plan of a dry run, the migrations applied, or the
 * migration, file and line that failed and what production holds now. Any field of a failed report may be missing;
 * a missing figure is left out, never shown as "null".
 */
public final class ReverseTwinSlackMessage {
    static final int MAX_MIGRATIONS_SHOWN = 15;
    static final int MAX_HAZARDS_SHOWN = 10;
    /** After a success the hazards are history, still worth a glance: a count and the first few. */
    static final int MAX_HAZARDS_SHOWN_AFTER_APPLY = 3;
    static final int MAX_VERSIONS_LISTED = 6;
    static final int MAX_STATEMENT_SHOWN = 1000;
    private static final String NOT_DONE = "no migration was applied";

    private ReverseTwinSlackMessage() {
    }

    /** The incoming-webhook body: {@code {"text": fallback, "blocks": [...]}}. */
    public static ObjectNode render(ReverseTwinReport report, RunContext context) {
        return SlackMessageParts.message(report, context, ReverseTwinSlackMessage::succeeded, ReverseTwinSlackMessage::planned,
                ReverseTwinSlackMessage::failed);
    }

    private static String planned(ReverseTwinReport report, RunContext context, SlackBlocks blocks) {
        String name = productionName(report);
        List<MigrationReport> pending = SlackMessageParts.listOrEmpty(report.migrations()).stream()
                .filter(m -> m.status() != MigrationStatus.APPLIED).toList();
        String migrations = SlackText.plural(pending.size(), "pending migration", "pending migrations");
        blocks.header(SlackMessageParts.headerPrefix(context) + "📝 Reverse twin plan: " + migrations + " for "
                + SlackText.plain(name));
        SlackMessageParts.testBanner(blocks, context, NOT_DONE);
        blocks.fields(
                "*Production*\n" + SlackMessageParts.server(report.production()),
                report.twin() == null || report.twin().database() == null ? null
                        : "*Rehearsed on*\n" + SlackText.code(report.twin().database()),
                historyTable(report),
                rehearsalTime(report) == null ? null : "*Rehearsal*\n" + Durations.human(rehearsalTime(report)) + " in total");
        if (pending.isEmpty()) {
            blocks.section(upToDate(report));
        } else {
            blocks.section(SlackText.bulletList("*Pending migrations*", pending.stream().map(m -> migrationLine(m, false)).toList(),
                    MAX_MIGRATIONS_SHOWN, SlackBlocks.MAX_SECTION_TEXT, "migrations"));
        }
        blocks.section(hazards(report.hazards(), MAX_HAZARDS_SHOWN, true));
        blocks.section("Production was not touched.");
        int hazardCount = SlackMessageParts.listOrEmpty(report.hazards()).size();
        return "Reverse twin plan for " + SlackText.of(name) + ": " + migrations
                + (hazardCount == 0 ? "" : ", " + SlackText.plural(hazardCount, "hazard", "hazards"))
                + ". Production was not touched.";
    }

    private static String succeeded(ReverseTwinReport report, RunContext context, SlackBlocks blocks) {
        String name = productionName(report);
        List<MigrationReport> applied = byStatus(report, MigrationStatus.APPLIED);
        if (applied.isEmpty()) {
            blocks.header(SlackMessageParts.headerPrefix(context) + "✅ Production is up to date (" + SlackText.plain(name) + ")");
            SlackMessageParts.testBanner(blocks, context, NOT_DONE);
            blocks.section(upToDate(report));
            blocks.fields(
                    "*Production*\n" + SlackMessageParts.server(report.production()),
                    historyTable(report),
                    "*Duration*\n" + Durations.human(report.durationSeconds()));
            return "Production is up to date (" + SlackText.of(name) + "): no migration pending.";
        }
        blocks.header(SlackMessageParts.headerPrefix(context) + "✅ Migrations applied to " + SlackText.plain(name) + ": "
                + SlackText.count(applied.size()));
        SlackMessageParts.testBanner(blocks, context, NOT_DONE);
        blocks.fields(
                "*Versions*\n" + versions(applied),
                historyTable(report),
                "*Duration*\n" + Durations.human(report.durationSeconds()),
                "*Production*\n" + SlackMessageParts.server(report.production()),
                report.twin() == null || report.twin().database() == null ? null
                        : "*Rehearsed on*\n" + SlackText.code(report.twin().database()));
        blocks.section(SlackText.bulletList("*Applied*", applied.stream().map(m -> migrationLine(m, true)).toList(),
                MAX_MIGRATIONS_SHOWN, SlackBlocks.MAX_SECTION_TEXT, "migrations"));
        blocks.section(hazards(report.hazards(), MAX_HAZARDS_SHOWN_AFTER_APPLY, false));
        return "Migrations applied to " + SlackText.of(name) + ": " + SlackText.count(applied.size()) + " ("
                + versions(applied) + ") in " + Durations.human(report.durationSeconds());
    }

    private static String failed(ReverseTwinReport report, RunContext context, SlackBlocks blocks) {
        Failure failure = report.failure();
        MigrationError error = report.failedMigration();
        String phase = failure == null ? null : failure.phase();
        String where;
        if (error != null) {
            where = ("apply".equals(error.stage()) ? "on production" : "in rehearsal") + ": "
                    + (error.file() == null ? "V" + error.version() : error.file())
                    + (error.line() > 0 ? " line " + error.line() : "");
            blocks.header(SlackMessageParts.headerPrefix(context) + "❌ Migration failed " + SlackText.plain(where));
        } else {
            where = phase == null ? null : "during " + phase;
            blocks.header(SlackMessageParts.headerPrefix(context) + "❌ Reverse twin failed"
                    + (phase == null ? "" : " during " + SlackText.plain(phase)));
        }
        SlackMessageParts.testBanner(blocks, context, NOT_DONE);

        String message = error != null && error.message() != null ? error.message()
                : failure != null && failure.message() != null ? failure.message() : "No error message was recorded.";
        String sqlState = error == null || error.sqlState() == null ? "" : " (SQLSTATE " + error.sqlState() + ")";
        blocks.section("*Error*\n" + SlackMessageParts.quote(SlackText.of(message + sqlState)));
        if (error != null && failure != null && failure.message() != null
                && (error.message() == null || !failure.message().contains(error.message()))) {
            // the tool's own sentence (what to do) besides the server's message
            blocks.section(SlackText.of(failure.message()));
        }
        if (error != null && error.statement() != null && !error.statement().isBlank()) {
            String statement = SlackText.truncate(SlackText.of(error.statement()).replace('`', 'ʹ'), MAX_STATEMENT_SHOWN);
            blocks.section("*Statement*" + (error.file() == null ? "" : " in " + SlackText.code(error.file())
                    + (error.line() > 0 ? " line " + error.line() : "")) + "\n```" + statement + "```");
        }
        String productionNow = failure == null || failure.twinState() == null ? "unknown" : failure.twinState();
        blocks.fields(
                "*Production now*\n" + SlackText.of(productionNow),
                error != null ? "*Failed in*\n" + ("apply".equals(error.stage()) ? "production (apply)" : "the rehearsal on the twin")
                        : phase == null ? null : "*Failed phase*\n" + SlackText.of(phase),
                failure == null ? null : "*Exit code*\n" + SlackMessageParts.exitCode(failure.exitCode()),
                "*Ran for*\n" + Durations.human(report.durationSeconds()),
                report.production() == null ? null : "*Production*\n" + SlackMessageParts.server(report.production()),
                historyTable(report));
        List<MigrationReport> applied = byStatus(report, MigrationStatus.APPLIED);
        if (!applied.isEmpty()) {
            blocks.section(SlackText.bulletList("*Applied before the failure*", applied.stream().map(m -> migrationLine(m, true)).toList(),
                    MAX_MIGRATIONS_SHOWN, SlackBlocks.MAX_SECTION_TEXT, "migrations"));
        }
        List<MigrationReport> notApplied = SlackMessageParts.listOrEmpty(report.migrations()).stream()
                .filter(m -> m.status() != MigrationStatus.APPLIED).toList();
        if (!notApplied.isEmpty()) {
            blocks.section("*Not applied*\n" + versions(notApplied));
        }
        blocks.section(hazards(report.hazards(), MAX_HAZARDS_SHOWN_AFTER_APPLY, false));
        return (error != null ? "Migration failed" : "Reverse twin failed") + (where == null ? "" : " " + SlackText.of(where))
                + ": " + sentence(SlackText.of(message + sqlState)) + " Production now: " + SlackText.of(productionNow) + ".";
    }

    private static String sentence(String text) {
        return text.endsWith(".") ? text : text + ".";
    }

    private static String upToDate(ReverseTwinReport report) {
        return report.appliedBefore() == null ? "Production is up to date: none pending."
                : "Production is up to date: " + SlackText.plural(report.appliedBefore(), "migration", "migrations")
                + " applied, none pending.";
    }

    /** "`V3` `V3__add_x.sql` — add x · 2 statements · rehearsal passed in 1.2s" (or "· 0.8s on production"). */
    private static String migrationLine(MigrationReport migration, boolean applied) {
        StringBuilder line = new StringBuilder(SlackText.code(versionLabel(migration.version(), migration.file())));
        if (migration.file() != null) {
            line.append(' ').append(SlackText.code(migration.file()));
        }
        line.append(" —");
        if (migration.description() != null && !migration.description().isBlank()) {
            line.append(' ').append(SlackText.of(migration.description())).append(" ·");
        }
        line.append(' ').append(SlackText.plural(migration.statements(), "statement", "statements"));
        if (applied) {
            if (migration.applySeconds() != null) {
                line.append(" · ").append(Durations.human(migration.applySeconds())).append(" on production");
            }
        } else {
            line.append(" · ").append(rehearsal(migration));
        }
        if (!migration.transactional()) {
            line.append(" · runs outside a transaction");
        }
        return line.toString();
    }

    private static String rehearsal(MigrationReport migration) {
        RehearsalOutcome outcome = migration.rehearsal() == null ? RehearsalOutcome.NOT_RUN : migration.rehearsal();
        return switch (outcome) {
            case PASSED -> "rehearsal passed" + (migration.rehearsalSeconds() == null ? ""
                    : " in " + Durations.human(migration.rehearsalSeconds()));
            case FAILED -> "rehearsal failed";
            case NOT_RUN -> "not rehearsed";
        };
    }

    /** Flyway names read "V3"; numbered and dbmate names (20240101_x.up.sql) keep their bare number. */
    private static String versionLabel(String version, String file) {
        if (version == null) {
            return "?";
        }
        String fileName = file == null ? "" : file.substring(file.lastIndexOf('/') + 1);
        return fileName.startsWith("V" + version) ? "V" + version : version;
    }

    private static String versions(List<MigrationReport> migrations) {
        List<String> labels = migrations.stream().map(m -> versionLabel(m.version(), m.file())).toList();
        if (labels.size() <= MAX_VERSIONS_LISTED) {
            return SlackText.of(String.join(", ", labels));
        }
        return SlackText.of(labels.get(0) + " … " + labels.get(labels.size() - 1)) + " ("
                + SlackText.plural(labels.size(), "migration", "migrations") + ")";
    }

    /** ":warning: `table-rewrite` V3__x.sql:12 — risk", the advice too before anything was applied. */
    private static String hazards(List<Hazard> hazards, int maxShown, boolean withAdvice) {
        List<Hazard> all = SlackMessageParts.listOrEmpty(hazards).stream().filter(Objects::nonNull).toList();
        if (all.isEmpty()) {
            return null;
        }
        List<String> lines = all.stream().map(hazard -> ":warning: " + SlackText.code(hazard.kind()) + " "
                + SlackText.of(hazard.file() + (hazard.line() > 0 ? ":" + hazard.line() : ""))
                + (hazard.risk() == null ? "" : " — " + SlackText.of(hazard.risk()))
                + (withAdvice && hazard.advice() != null ? " _" + SlackText.of(hazard.advice()) + "_" : "")).toList();
        return SlackText.bulletList("*" + SlackText.plural(all.size(), "hazard", "hazards") + "* found by reading the SQL",
                lines, maxShown, SlackBlocks.MAX_SECTION_TEXT, "hazards");
    }

    private static String historyTable(ReverseTwinReport report) {
        return report.historyTable() == null ? null : "*History table*\n" + SlackText.code(report.historyTable());
    }

    /** The rehearsal phase's time, else the sum of the migrations' rehearsal times; null when neither is known. */
    private static Double rehearsalTime(ReverseTwinReport report) {
        for (PhaseTiming phase : SlackMessageParts.listOrEmpty(report.phases())) {
            if (phase != null && "rehearsal".equals(phase.phase())) {
                return phase.seconds();
            }
        }
        List<Double> times = SlackMessageParts.listOrEmpty(report.migrations()).stream().map(MigrationReport::rehearsalSeconds)
                .filter(Objects::nonNull).toList();
        return times.isEmpty() ? null : times.stream().mapToDouble(Double::doubleValue).sum();
    }

    private static List<MigrationReport> byStatus(ReverseTwinReport report, MigrationStatus status) {
        return SlackMessageParts.listOrEmpty(report.migrations()).stream().filter(m -> m.status() == status).toList();
    }

    private static String productionName(ReverseTwinReport report) {
        return report.production() != null && report.production().database() != null ? report.production().database()
                : "production";
    }
}
