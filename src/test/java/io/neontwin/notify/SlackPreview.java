package io.neontwin.notify;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTML imitation of how Slack shows a Block Kit payload, for the screenshots in docs/notifications.md. It renders
 * the real payload (not a hand-written copy), so the pictures cannot drift from what is sent. Only the mrkdwn we emit
 * is handled: *bold*, _italic_, `code`, ```code blocks```, links, dates, block quotes and a few emoji codes.
 */
final class SlackPreview {
    private static final Map<String, String> EMOJI = Map.of(":link:", "🔗", ":clock3:", "🕒", ":warning:", "⚠️",
            ":test_tube:", "🧪");
    private static final Pattern LINK = Pattern.compile("<(https?://[^|>]+)\\|([^>]+)>");
    private static final Pattern DATE = Pattern.compile("<!date\\^\\d+\\^[^|>]+\\|([^>]+)>");
    /** A code block (```…```, over several lines maybe) or inline code; Slack formats neither's content. */
    private static final Pattern CODE = Pattern.compile("```(.+?)```|`([^`\n]+)`", Pattern.DOTALL);
    private static final Pattern CODE_PLACEHOLDER = Pattern.compile("\u0000(\\d+)\u0000");

    private SlackPreview() {
    }

    static String page(String title, JsonNode payload, String time) {
        StringBuilder html = new StringBuilder("""
                <!doctype html><html><head><meta charset="utf-8"><title>%s</title><style>
                body { margin: 0; background: #fff; font: 15px/1.46668 "Lato", "DejaVu Sans", "Noto Color Emoji", sans-serif; color: #1d1c1d; }
                .channel { border-bottom: 1px solid #e2e2e2; padding: 12px 20px; font-weight: 900; font-size: 18px; }
                .message { display: flex; padding: 12px 20px 16px; }
                .avatar { width: 36px; height: 36px; border-radius: 6px; background: #00e599; color: #0c0d0d; font-weight: 900;
                          display: flex; align-items: center; justify-content: center; margin-right: 8px; flex: none; }
                .body { flex: 1; min-width: 0; }
                .who { font-weight: 900; } .app { font-size: 10px; background: #e8e8e8; color: #616061; padding: 1px 3px;
                       border-radius: 2px; font-weight: 700; margin: 0 4px; vertical-align: 2px; } .time { color: #616061; font-size: 12px; }
                .header { font-size: 18px; font-weight: 900; margin: 6px 0 4px; }
                .section { margin: 6px 0; white-space: normal; }
                .fields { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 16px; margin: 8px 0; }
                .context { color: #616061; font-size: 13px; margin: 8px 0 2px; display: flex; gap: 14px; flex-wrap: wrap; }
                .divider { border-top: 1px solid #e2e2e2; margin: 10px 0; }
                code { font: 12px "DejaVu Sans Mono", monospace; color: #e01e5a; background: #f8f8f8; border: 1px solid #e2e2e2;
                       border-radius: 3px; padding: 1px 3px; }
                a { color: #1264a3; text-decoration: none; }
                blockquote { margin: 2px 0; padding-left: 12px; border-left: 4px solid #dddddd; }
                pre { font: 12px/1.5 "DejaVu Sans Mono", monospace; color: #1d1c1d; background: #f8f8f8; border: 1px solid #e2e2e2;
                      border-radius: 4px; padding: 8px; margin: 4px 0; white-space: pre-wrap; overflow-wrap: anywhere; }
                </style></head><body>
                <div class="channel"># twin-updates</div>
                <div class="message"><div class="avatar">NT</div><div class="body">
                <div><span class="who">Neon Twin</span><span class="app">APP</span><span class="time">%s</span></div>
                """.formatted(title, time));
        for (JsonNode block : payload.path("blocks")) {
            switch (block.path("type").asText()) {
                case "header" -> html.append("<div class=\"header\">").append(plain(block.path("text").path("text").asText()))
                        .append("</div>\n");
                case "section" -> {
                    if (block.has("text")) {
                        html.append("<div class=\"section\">").append(mrkdwn(block.path("text").path("text").asText())).append("</div>\n");
                    }
                    if (block.has("fields")) {
                        html.append("<div class=\"fields\">");
                        block.path("fields").forEach(field -> html.append("<div>").append(mrkdwn(field.path("text").asText())).append("</div>"));
                        html.append("</div>\n");
                    }
                }
                case "context" -> {
                    html.append("<div class=\"context\">");
                    block.path("elements").forEach(element -> html.append("<span>").append(mrkdwn(element.path("text").asText())).append("</span>"));
                    html.append("</div>\n");
                }
                case "divider" -> html.append("<div class=\"divider\"></div>\n");
                default -> throw new IllegalArgumentException("no preview for block type " + block.path("type"));
            }
        }
        return html.append("</div></div></body></html>\n").toString();
    }

    private static String plain(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Our mrkdwn already escapes &, < and > as HTML does, so the text can go into HTML once Slack's syntax is turned into tags. */
    static String mrkdwn(String text) {
        String html = text;
        for (Map.Entry<String, String> emoji : EMOJI.entrySet()) {
            html = html.replace(emoji.getKey(), emoji.getValue());
        }
        html = DATE.matcher(html).replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
        html = LINK.matcher(html).replaceAll(match -> Matcher.quoteReplacement("<a href=\"" + match.group(1) + "\">" + match.group(2) + "</a>"));
        // code is set aside first, so that no *, _ or > inside it is read as formatting
        List<String> code = new ArrayList<>();
        html = CODE.matcher(html).replaceAll(match -> {
            code.add(match.group(1) != null
                    ? "<pre>" + match.group(1).strip().replace("\n", "<br>") + "</pre>"
                    : "<code>" + match.group(2) + "</code>");
            return "\u0000" + (code.size() - 1) + "\u0000";
        });
        html = html.replaceAll("(?<![\\w*])\\*([^*\\n]+)\\*(?![\\w*])", "<b>$1</b>")
                .replaceAll("(?<![\\w_])_([^_\\n]+)_(?![\\w_])", "<i>$1</i>");
        StringBuilder lines = new StringBuilder();
        for (String line : html.split("\n", -1)) {
            if (line.startsWith(">")) {
                lines.append("<blockquote>").append(line.substring(1)).append("</blockquote>");
            } else {
                lines.append(line).append("<br>");
            }
        }
        String result = lines.toString();
        result = result.endsWith("<br>") ? result.substring(0, result.length() - 4) : result;
        result = CODE_PLACEHOLDER.matcher(result).replaceAll(match -> Matcher.quoteReplacement(code.get(Integer.parseInt(match.group(1)))));
        return result.replace("</pre><br>", "</pre>"); // a code block is a block: no line break after it
    }
}
