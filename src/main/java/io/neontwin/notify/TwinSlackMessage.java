package io.neontwin.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neontwin.report.Bytes;
import io.neontwin.report.DatabaseInfo;
import io.neontwin.report.Failure;
import io.neontwin.report.PhaseTiming;
import io.neontwin.report.TableReport;
import io.neontwin.report.Totals;
import io.neontwin.report.TwinReport;
import io.neontwin.report.Verification;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Slack message for a twin run, built from the engine's report alone (a pure function: same report and context,
 * same payload). Any field of a failed report may be missing; a missing figure is left out, never shown as "null".
 */
public final class TwinSlackMessage {
    static final int MAX_TABLES_SHOWN = 10;

    private TwinSlackMessage() {
    }

    /** The incoming-webhook body: {@code {"text": fallback, "blocks": [...]}}. */
    public static ObjectNode render(TwinReport report, RunContext context) {
        return SlackMessageParts.message(report, context, TwinSlackMessage::succeeded, TwinSlackMessage::planned,
                TwinSlackMessage::failed);
    }

    private static String succeeded(TwinReport report, RunContext context, SlackBlocks blocks) {
        String name = twinName(report);
        blocks.header(SlackMessageParts.headerPrefix(context) + "✅ Neon Twin ready: " + SlackText.plain(name));
        SlackMessageParts.testBanner(blocks, context);
        blocks.fields(
                "*Twin*\n" + SlackText.code(name) + " · " + size(report.twin()),
                "*Copied*\n" + copied(report.totals()),
                "*Duration*\n" + Durations.human(report.durationSeconds()),
                "*Verification*\n" + verification(report.verification()),
                "*Production*\n" + SlackMessageParts.server(report.production()),
                "*Twin server*\n" + serverVersion(report.twin()));
        blocks.section(phases("*Phases*", report.phases()));
        blocks.section(largestTables(report.tables(), false));
        blocks.section(mismatches(report.verification()));
        blocks.section(report.neonBranches() == null ? null : "*Neon branches*\n" + SlackText.of(report.neonBranches().oneLine()));
        return "Neon Twin ready: " + SlackText.of(name) + " (" + size(report.twin()) + ")"
                + (report.totals() == null ? "" : ", " + copied(report.totals()))
                + " in " + Durations.human(report.durationSeconds())
                + (report.neonBranches() == null ? "" : "; " + report.neonBranches().resetCount() + " Neon branches reset");
    }

    private static String planned(TwinReport report, RunContext context, SlackBlocks blocks) {
        String name = twinName(report);
        blocks.header(SlackMessageParts.headerPrefix(context) + "📝 Neon Twin plan (dry run): " + SlackText.plain(name));
        SlackMessageParts.testBanner(blocks, context);
        blocks.section("Dry run: nothing was written. This is what a run would copy.");
        List<TableReport> tables = SlackMessageParts.listOrEmpty(report.tables());
        long estimatedRows = tables.stream().filter(TableReport::dataCopied).mapToLong(TableReport::estimatedRows).sum();
        blocks.fields(
                "*Production*\n" + SlackMessageParts.server(report.production()) + " · " + size(report.production()),
                "*Twin target*\n" + SlackText.code(name) + optionalServer(report.twin()),
                tables.isEmpty() ? null : "*Tables*\n" + SlackText.plural(tables.size(), "table", "tables")
                        + " · ~" + SlackText.plural(estimatedRows, "row", "rows") + " estimated",
                report.client() == null || report.client().version() == null ? null
                        : "*Client*\npg_dump " + SlackText.of(report.client().version()));
        blocks.section(largestTables(tables, true));
        return "Neon Twin plan (dry run) for " + SlackText.of(name) + ": " + SlackText.plural(tables.size(), "table", "tables");
    }

    private static String failed(TwinReport report, RunContext context, SlackBlocks blocks) {
        Failure failure = report.failure();
        String phase = failure == null ? null : failure.phase();
        String twinState = failure == null || failure.twinState() == null ? "unknown" : failure.twinState();
        blocks.header(SlackMessageParts.headerPrefix(context) + "❌ Neon Twin failed"
                + (phase == null ? "" : " during " + SlackText.plain(phase)));
        SlackMessageParts.testBanner(blocks, context);
        String message = failure == null || failure.message() == null ? "No error message was recorded." : failure.message();
        blocks.section("*Error*\n" + SlackMessageParts.quote(SlackText.of(message)));
        blocks.fields(
                "*Twin now*\n" + SlackText.of(twinState),
                phase == null ? null : "*Failed phase*\n" + SlackText.of(phase),
                failure == null ? null : "*Exit code*\n" + SlackMessageParts.exitCode(failure.exitCode()),
                "*Ran for*\n" + Durations.human(report.durationSeconds()),
                report.production() == null ? null : "*Production*\n" + SlackMessageParts.server(report.production()),
                report.twin() == null ? null : "*Twin target*\n" + SlackText.code(report.twin().database()));
        blocks.section(phases("*Phases run*", report.phases()));
        blocks.section(mismatches(report.verification()));
        return "Neon Twin failed" + (phase == null ? "" : " during " + SlackText.of(phase)) + ": " + SlackText.of(message)
                + " Twin now: " + SlackText.of(twinState) + ".";
    }

    private static String twinName(TwinReport report) {
        return report.twin() != null && report.twin().database() != null ? report.twin().database() : "the twin";
    }

    private static String size(DatabaseInfo database) {
        return database == null || database.sizeBytes() == null ? "size not measured" : Bytes.human(database.sizeBytes());
    }

    private static String serverVersion(DatabaseInfo database) {
        return database == null || database.serverVersion() == null ? "unknown" : "PostgreSQL " + SlackText.of(database.serverVersion());
    }

    private static String optionalServer(DatabaseInfo database) {
        return database == null || database.serverVersion() == null ? "" : " · PostgreSQL " + SlackText.of(database.serverVersion());
    }

    private static String copied(Totals totals) {
        if (totals == null) {
            return "not measured";
        }
        return SlackText.plural(totals.tables(), "table", "tables") + " · " + SlackText.plural(totals.rows(), "row", "rows")
                + " · " + Bytes.human(totals.bytes());
    }

    private static String verification(Verification verification) {
        if (verification == null) {
            return "not run";
        }
        String mode = SlackText.of(verification.mode());
        if ("none".equalsIgnoreCase(verification.mode())) {
            return "skipped (verify: none)";
        }
        if (verification.passed()) {
            return "✅ " + mode + " match on " + SlackText.plural(verification.tables(), "table", "tables");
        }
        return "❌ " + SlackText.plural(SlackMessageParts.listOrEmpty(verification.mismatches()).size(), "difference", "differences")
                + " (" + mode + ")";
    }

    private static String mismatches(Verification verification) {
        if (verification == null || verification.passed() || SlackMessageParts.listOrEmpty(verification.mismatches()).isEmpty()) {
            return null;
        }
        List<String> lines = verification.mismatches().stream().map(SlackText::of).toList();
        return SlackText.bulletList("*Verification differences*", lines, MAX_TABLES_SHOWN, SlackBlocks.MAX_SECTION_TEXT, "differences");
    }

    private static String phases(String title, List<PhaseTiming> phases) {
        if (phases == null || phases.isEmpty()) {
            return null;
        }
        return title + "\n" + phases.stream()
                .map(phase -> SlackText.of(phase.phase()) + " " + Durations.human(phase.seconds()))
                .collect(Collectors.joining(" · "));
    }

    private static String largestTables(List<TableReport> tables, boolean estimates) {
        if (tables == null || tables.isEmpty()) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        for (TableReport table : tables) {
            lines.add(SlackText.code(table.qualifiedName()) + " — " + tableFigures(table, estimates));
        }
        return SlackText.bulletList("*Largest tables*", lines, MAX_TABLES_SHOWN, SlackBlocks.MAX_SECTION_TEXT, "tables");
    }

    private static String tableFigures(TableReport table, boolean estimates) {
        if (!table.dataCopied()) {
            return "structure only";
        }
        if (estimates) {
            return "~" + SlackText.plural(table.estimatedRows(), "row", "rows");
        }
        return SlackText.plural(table.rows(), "row", "rows") + " · " + Bytes.human(table.bytes())
                + " · " + Durations.human(table.seconds());
    }
}
