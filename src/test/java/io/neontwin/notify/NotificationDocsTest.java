package io.neontwin.notify;

import com.fasterxml.jackson.databind.JsonNode;
import io.neontwin.report.ReportJson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/notifications.md shows payloads and pictures of them; this keeps the payloads equal to what the code sends. */
class NotificationDocsTest {
    private static final Path DOC = Path.of(System.getProperty("neontwin.projectDir", "."), "docs", "notifications.md");

    @Test
    void thePayloadsInTheDocsAreTheOnesTheCodeBuilds() throws IOException {
        String doc = Files.readString(DOC);
        for (String example : NotificationExamples.NAMES) {
            Matcher block = Pattern.compile("<!-- payload: " + example + " -->\\s*```json\\n(.*?)\\n```", Pattern.DOTALL).matcher(doc);
            assertTrue(block.find(), "docs/notifications.md shows the " + example + " payload");
            JsonNode documented = ReportJson.mapper().readTree(block.group(1));
            assertEquals(NotificationExamples.payload(example), documented,
                    example + " in docs/notifications.md is out of date: regenerate it (see the end of that page)");
        }
    }

    @Test
    void theScreenshotsTheDocsShowExist() throws IOException {
        String doc = Files.readString(DOC);
        for (String example : NotificationExamples.NAMES) {
            String image = "images/" + example + ".png";
            assertTrue(doc.contains("](" + image + ")"), "docs/notifications.md shows " + image);
            assertTrue(Files.size(DOC.resolveSibling(image)) > 10_000, image + " is a real screenshot");
        }
    }

    @Test
    void thePreviewsTheScreenshotsAreTakenOfShowNoRawMrkdwn() {
        for (String example : NotificationExamples.NAMES) {
            String page = SlackPreview.page(example, NotificationExamples.payload(example), "4:15 AM");
            String body = page.substring(page.indexOf("<body>"));
            Matcher raw = Pattern.compile("`|\\*|<!date|:[a-z][a-z0-9_+-]*:").matcher(body);
            assertFalse(raw.find(), () -> example + "'s preview shows raw mrkdwn (" + raw.group()
                    + "): teach SlackPreview that form or emoji");
        }
    }

    @Test
    void aCodeBlockIsShownAsOneAndItsContentIsNotFormatted() {
        assertEquals("<b>Statement</b><br><pre>UPDATE t SET a = a * 2, b = '_x_'<br>WHERE c &gt; 1</pre>after",
                SlackPreview.mrkdwn("*Statement*\n```UPDATE t SET a = a * 2, b = '_x_'\nWHERE c &gt; 1```\nafter"));
        assertEquals("<code>V41__a_b.sql</code> and <i>italic</i>", SlackPreview.mrkdwn("`V41__a_b.sql` and _italic_"));
    }
}
