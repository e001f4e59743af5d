package io.neontwin.notify;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks a payload against the Block Kit rules Slack enforces for incoming webhooks (block types we use, required
 * members, text types and length limits), and against our own rule that no missing value shows as null or NaN.
 */
final class BlockKitAssertions {
    private BlockKitAssertions() {
    }

    static void assertValidSlackPayload(JsonNode payload) {
        assertTrue(payload.path("text").isTextual() && !payload.path("text").asText().isBlank(), "fallback text present");
        JsonNode blocks = payload.path("blocks");
        assertTrue(blocks.isArray(), "blocks is an array");
        assertTrue(blocks.size() >= 1 && blocks.size() <= 50, "1 to 50 blocks, got " + blocks.size());
        for (JsonNode block : blocks) {
            String type = block.path("type").asText();
            switch (type) {
                case "header" -> assertText(block.path("text"), "plain_text", 150);
                case "section" -> {
                    assertTrue(block.has("text") || block.has("fields"), "section has text or fields: " + block);
                    if (block.has("text")) {
                        assertText(block.path("text"), "mrkdwn", 3000);
                    }
                    if (block.has("fields")) {
                        assertTrue(block.path("fields").size() >= 1 && block.path("fields").size() <= 10, "1 to 10 fields");
                        block.path("fields").forEach(field -> assertText(field, "mrkdwn", 2000));
                    }
                }
                case "context" -> {
                    JsonNode elements = block.path("elements");
                    assertTrue(elements.size() >= 1 && elements.size() <= 10, "1 to 10 context elements");
                    elements.forEach(element -> assertText(element, "mrkdwn", 2000));
                }
                case "divider" -> assertEquals(Set.of("type"), fieldNames(block), "a divider has only a type");
                default -> fail("unexpected block type " + type);
            }
        }
        for (String text : allTexts(payload)) {
            assertFalse(text.matches("(?s).*\\b(null|NaN|Infinity)\\b.*"), "no missing value shown as null/NaN: " + text);
        }
    }

    static List<String> allTexts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        collect(node, texts);
        return texts;
    }

    private static void collect(JsonNode node, List<String> texts) {
        if (node.isTextual()) {
            texts.add(node.asText());
        }
        node.forEach(child -> collect(child, texts));
    }

    private static void assertText(JsonNode text, String type, int maxLength) {
        assertEquals(type, text.path("type").asText(), "text type in " + text);
        String value = text.path("text").asText("");
        assertFalse(value.isBlank(), "text is not empty: " + text);
        assertTrue(value.length() <= maxLength, "text at most " + maxLength + " characters, got " + value.length());
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
