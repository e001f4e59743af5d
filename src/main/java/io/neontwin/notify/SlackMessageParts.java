package io.neontwin.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neontwin.errors.ExitCode;
import io.neontwin.report.DatabaseInfo;
import io.neontwin.report.Outcome;
import io.neontwin.report.RunReport;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The parts every Slack message shares, whatever run it reports: the test banner, warnings and the footer with the
 * run link and time. A message for another kind of run is a new renderer
 * beside {@link TwinSlackMessage} that builds its own body with {@link SlackBlocks} and reuses these parts
 * ({@link ReverseTwinSlackMessage} is one).
 */
final class SlackMessageParts {
    static final int MAX_WARNINGS_SHOWN = 10;
    private static final DateTimeFormatter UTC_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private SlackMessageParts() {
    }

    /** One message's body for one outcome: adds its blocks and returns the notification's fallback text. */
    @FunctionalInterface
    interface Body<R extends RunReport> {
        String render(R report, RunContext context, SlackBlocks blocks);
    }

    /**
     * The incoming-webhook body, {@code {"text": fallback, "blocks": [...]}}, for any run: the body its outcome calls
     * for, then the warnings and the footer every message ends with.
     */
    static <R extends RunReport> ObjectNode message(R report, RunContext context, Body<R> succeeded, Body<R> planned, Body<R> failed) {
        SlackBlocks blocks = new SlackBlocks();
        Body<R> body = switch (report.outcome() == null ? Outcome.FAILED : report.outcome()) {
            case SUCCEEDED -> succeeded;
            case PLANNED -> planned;
            case FAILED -> failed;
        };
        String fallback = body.render(report, context, blocks);
        warnings(blocks, report.warnings());
        footer(blocks, context, report.finishedAt() != null ? report.finishedAt() : report.startedAt(),
                report.tool(), report.toolVersion());
        return blocks.payload(SlackText.of(headerPrefix(context)) + fallback);
    }

    /** A database as the messages name it: `name` · PostgreSQL version; "unknown" for what the report lacks. */
    static String server(DatabaseInfo database) {
        if (database == null) {
            return "unknown";
        }
        String version = database.serverVersion() == null ? "" : " · PostgreSQL " + SlackText.of(database.serverVersion());
        return (database.database() == null ? "unknown" : SlackText.code(database.database())) + version;
    }

    static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    static String headerPrefix(RunContext context) {
        return context.testMessage() ? "[Test] " : "";
    }

    static void testBanner(SlackBlocks blocks, RunContext context) {
        testBanner(blocks, context, "no twin was made");
    }

    /** The test banner, saying what a real run would have done and this one did not ("no migration was applied"). */
    static void testBanner(SlackBlocks blocks, RunContext context, String notDone) {
        if (context.testMessage()) {
            blocks.context(":test_tube: *Test message* sent by `neon-twin notify-test`: " + notDone + ", the figures are a sample.");
        }
    }

    static void warnings(SlackBlocks blocks, List<String> warnings) {
        if (warnings == null || warnings.isEmpty()) {
            return;
        }
        List<String> lines = warnings.stream().map(SlackText::of).toList();
        blocks.section(SlackText.bulletList(":warning: *" + SlackText.plural(lines.size(), "warning", "warnings") + "*",
                lines, MAX_WARNINGS_SHOWN, SlackBlocks.MAX_SECTION_TEXT, "warnings"));
    }

    /** Link to the run, when the message and the tool that sent it. */
    static void footer(SlackBlocks blocks, RunContext context, Instant time, String tool, String toolVersion) {
        String link = context.runUrl() == null ? null
                : ":link: " + SlackText.link(context.runUrl(), "View " + context.runLabel());
        String when = time == null ? null : ":clock3: " + slackDate(time);
        String by = tool == null ? null : SlackText.of(tool + (toolVersion == null ? "" : " " + toolVersion));
        blocks.footer(link, when, by);
    }

    /** Slack shows this in each reader's own time zone; the text after | is what older clients show. */
    static String slackDate(Instant time) {
        return "<!date^" + time.getEpochSecond() + "^{date_short_pretty} at {time}|" + UTC_TIME.format(time) + ">";
    }

    static String utc(Instant time) {
        return UTC_TIME.format(time);
    }

    /** Escaped text as a Slack block quote: a leading '>' (not escaped) quotes one line, so each line gets its own. */
    static String quote(String escapedText) {
        return escapedText.lines().map(line -> ">" + line).collect(Collectors.joining("\n"));
    }

    /** "14 (migration failed)": the code and its name, or the bare number for a code the tool does not know. */
    static String exitCode(int code) {
        for (ExitCode exitCode : ExitCode.values()) {
            if (exitCode.code() == code) {
                return code + " (" + exitCode.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
            }
        }
        return String.valueOf(code);
    }
}
