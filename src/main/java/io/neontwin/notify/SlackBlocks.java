package io.neontwin.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a Block Kit message and enforces Slack's limits, so that no report, however large, yields a payload Slack
 * refuses with invalid_blocks. Callers pass text already escaped by {@link SlackText}; this class only cuts it.
 */
final class SlackBlocks {
    static final int MAX_BLOCKS = 50;
    static final int MAX_HEADER_TEXT = 150;
    static final int MAX_SECTION_TEXT = 3000;
    static final int MAX_FIELDS = 10;
    static final int MAX_FIELD_TEXT = 2000;
    static final int MAX_CONTEXT_ELEMENTS = 10;
    static final int MAX_CONTEXT_TEXT = 2000;
    /** Slack accepts far more, but the fallback text is what phone notifications show: keep it to a paragraph. */
    static final int MAX_FALLBACK_TEXT = 3000;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final List<ObjectNode> blocks = new ArrayList<>();
    private ObjectNode footer;

    SlackBlocks header(String plainText) {
        ObjectNode block = block("header");
        block.set("text", plainText(SlackText.truncate(plainText, MAX_HEADER_TEXT)));
        blocks.add(block);
        return this;
    }

    SlackBlocks section(String mrkdwn) {
        if (mrkdwn == null || mrkdwn.isBlank()) {
            return this; // Slack refuses a section with empty text
        }
        ObjectNode block = block("section");
        block.set("text", mrkdwn(SlackText.truncate(mrkdwn, MAX_SECTION_TEXT)));
        blocks.add(block);
        return this;
    }

    /** A two-column grid of short facts; null and blank entries (facts the report lacks) are left out. */
    SlackBlocks fields(String... mrkdwnFields) {
        ArrayNode fields = JSON.arrayNode();
        for (String field : mrkdwnFields) {
            if (field != null && !field.isBlank() && fields.size() < MAX_FIELDS) {
                fields.add(mrkdwn(SlackText.truncate(field, MAX_FIELD_TEXT)));
            }
        }
        if (!fields.isEmpty()) {
            ObjectNode block = block("section");
            block.set("fields", fields);
            blocks.add(block);
        }
        return this;
    }

    SlackBlocks context(String... mrkdwnElements) {
        ObjectNode block = contextBlock(mrkdwnElements);
        if (block != null) {
            blocks.add(block);
        }
        return this;
    }

    SlackBlocks divider() {
        blocks.add(block("divider"));
        return this;
    }

    /** The last block, whatever else is cut: it carries the link to the run. */
    SlackBlocks footer(String... mrkdwnElements) {
        footer = contextBlock(mrkdwnElements);
        return this;
    }

    ArrayNode build() {
        List<ObjectNode> all = new ArrayList<>(blocks);
        int room = MAX_BLOCKS - (footer == null ? 0 : 1);
        if (all.size() > room) {
            int omitted = all.size() - (room - 1);
            all = new ArrayList<>(all.subList(0, room - 1));
            all.add(contextBlock("_" + SlackText.ELLIPSIS + "and " + omitted + " more blocks not shown_"));
        }
        if (footer != null) {
            all.add(footer);
        }
        ArrayNode array = JSON.arrayNode();
        all.forEach(array::add);
        return array;
    }

    /** The body Slack's incoming webhooks take: the fallback text for notifications, and the blocks. */
    ObjectNode payload(String fallbackText) {
        ObjectNode payload = JSON.objectNode();
        payload.put("text", SlackText.truncate(fallbackText, MAX_FALLBACK_TEXT));
        payload.set("blocks", build());
        return payload;
    }

    /** A context block, or null when every element is blank (Slack refuses an empty one). */
    private static ObjectNode contextBlock(String... mrkdwnElements) {
        ObjectNode block = block("context");
        ArrayNode elements = JSON.arrayNode();
        for (String element : mrkdwnElements) {
            if (element != null && !element.isBlank() && elements.size() < MAX_CONTEXT_ELEMENTS) {
                elements.add(mrkdwn(SlackText.truncate(element, MAX_CONTEXT_TEXT)));
            }
        }
        block.set("elements", elements);
        return elements.isEmpty() ? null : block;
    }

    private static ObjectNode block(String type) {
        ObjectNode block = JSON.objectNode();
        block.put("type", type);
        return block;
    }

    private static ObjectNode mrkdwn(String text) {
        ObjectNode node = JSON.objectNode();
        node.put("type", "mrkdwn");
        node.put("text", text);
        return node;
    }

    private static ObjectNode plainText(String text) {
        ObjectNode node = JSON.objectNode();
        node.put("type", "plain_text");
        node.put("text", text);
        node.put("emoji", true);
        return node;
    }
}
