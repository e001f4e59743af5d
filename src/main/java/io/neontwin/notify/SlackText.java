package io.neontwin.notify;

import io.neontwin.secrets.Secrets;

import java.util.List;
import java.util.Locale;

/**
 * Text for Slack's mrkdwn: masked, escaped, and cut to Block Kit's limits without breaking what Slack parses.
 * Order matters: secrets are masked before anything is cut, so that a cut can never leave half a secret readable.
 */
final class SlackText {
    static final String ELLIPSIS = "…";

    private SlackText() {
    }

    /** Report text (names, messages, warnings) made safe to place in mrkdwn: secrets masked, &, < and > escaped. */
    static String of(String text) {
        if (text == null) {
            return "";
        }
        return Secrets.redact(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Plain text (headers): secrets masked, no escaping (Slack shows plain_text as is). */
    static String plain(String text) {
        return text == null ? "" : Secrets.redact(text);
    }

    /** Inline code; a backtick inside would end the code span, so it becomes a prime. */
    static String code(String text) {
        return "`" + of(text).replace('`', 'ʹ') + "`";
    }

    /** A link, or just the label when there is no URL. */
    static String link(String url, String label) {
        if (url == null) {
            return of(label);
        }
        return "<" + Secrets.redact(url).replace("|", "%7C").replace(">", "%3E") + "|" + of(label).replace("|", "¦") + ">";
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String plural(long value, String singular, String plural) {
        return count(value) + " " + (value == 1 ? singular : plural);
    }

    /** Cuts text to at most {@code limit} characters, ending with an ellipsis when cut. */
    static String truncate(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        if (limit <= ELLIPSIS.length()) {
            return ELLIPSIS.substring(0, Math.max(limit, 0));
        }
        String cut = text.substring(0, limit - ELLIPSIS.length());
        // never end on half an escape (&amp;) or half a surrogate pair: Slack would show garbage
        int ampersand = cut.lastIndexOf('&');
        if (ampersand >= 0 && ampersand > cut.length() - 5 && cut.indexOf(';', ampersand) < 0) {
            cut = cut.substring(0, ampersand);
        }
        if (!cut.isEmpty() && Character.isHighSurrogate(cut.charAt(cut.length() - 1))) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + ELLIPSIS;
    }

    /**
     * A title and one bullet per line, as many as fit in {@code limit} characters; the rest are counted
     * ("…and 12 more tables") rather than silently dropped. Lines must already be escaped.
     */
    static String bulletList(String title, List<String> lines, int maxLines, int limit, String noun) {
        StringBuilder text = new StringBuilder(title);
        int shown = 0;
        for (String line : lines) {
            int remaining = lines.size() - shown - 1;
            String bullet = "\n• " + line;
            String reserve = remaining > 0 ? moreLine(remaining, noun) : "";
            if (shown == maxLines || text.length() + bullet.length() + reserve.length() > limit) {
                break;
            }
            text.append(bullet);
            shown++;
        }
        if (shown < lines.size()) {
            if (shown == 0) {
                // even one line does not fit: show the start of it rather than nothing
                String first = truncate("\n• " + lines.get(0), limit - text.length() - moreLine(lines.size() - 1, noun).length());
                text.append(first);
                shown = 1;
            }
            if (shown < lines.size()) {
                text.append(moreLine(lines.size() - shown, noun));
            }
        }
        return text.toString();
    }

    private static String moreLine(int more, String noun) {
        return "\n_" + ELLIPSIS + "and " + count(more) + " more " + noun + "_";
    }
}
