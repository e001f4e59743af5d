package io.neontwin.notify;

import io.neontwin.errors.ExitCode;

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
