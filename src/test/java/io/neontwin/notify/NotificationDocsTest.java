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
        for (String image : new String[]{"images/slack-success.png", "images/slack-failure.png"}) {
            assertTrue(doc.contains("](" + image + ")"), "docs/notifications.md shows " + image);
            assertTrue(Files.size(DOC.resolveSibling(image)) > 10_000, image + " is a real screenshot");
        }
    }
}
