package io.neontwin.twin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.neontwin.errors.ErrorText;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rules file (docs/privacy.md, schema in docs/privacy-rules.schema.json): per table a row filter, whether its rows
 * are copied at all, and per column a mask or an explicit keep. Only its form is checked here; names and predicates
 * are checked against production by {@link PrivacyPlan}.
 *
 * @param tables by "schema.name"
 * @param strict a personal column no rule covers stops the run (the default)
 */
record PrivacyRules(Map<String, TableRule> tables, boolean strict) {

    /** A table's rule. @param where a SQL predicate, or null; @param data false: structure only */
    record TableRule(String where, boolean data, Map<String, ColumnRule> columns) {
    }

    /** A column's rule. @param transformer the mask, or null for "keep" (not personal, copied as it is) */
    record ColumnRule(Transformer transformer, Map<String, String> parameters) {
        static final ColumnRule KEEP = new ColumnRule(null, Map.of());

        boolean masks() {
            return transformer != null;
        }

        String describe() {
            return masks() ? transformer.ruleName() : "keep";
        }
    }

    Optional<TableRule> forTable(String schema, String name) {
        return Optional.ofNullable(tables.get(schema + "." + name));
    }

    static PrivacyRules read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw invalid(file, "does not exist; pass the path of your rules file (docs/privacy.md)");
        } catch (IOException e) {
            throw invalid(file, "is not valid YAML (" + ErrorText.firstLine(e.getMessage()) + "); fix it as docs/privacy.md shows");
        }
        if (root == null || !root.isObject() || !root.path("tables").isObject()) {
            throw invalid(file, "has no 'tables:' mapping; start from the example in docs/privacy.md");
        }
        Map<String, TableRule> tables = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("tables").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String table = entry.getKey().contains(".") ? entry.getKey() : "public." + entry.getKey();
            tables.put(table, tableRule(file, table, entry.getValue()));
        }
        boolean strict = !root.has("strict") || root.get("strict").asBoolean(true);
        return new PrivacyRules(Map.copyOf(tables), strict);
    }

    private static TableRule tableRule(Path file, String table, JsonNode node) {
        if (!node.isObject()) {
            throw invalid(file, "gives table " + table + " a value that is not a mapping; write e.g. '" + table + ": {data: false}'");
        }
        String where = node.hasNonNull("where") ? node.get("where").asText() : null;
        boolean data = !node.has("data") || node.get("data").asBoolean(true);
        for (String later : new String[]{"percent", "limit"}) {
            if (node.has(later)) {
                throw invalid(file, "uses '" + later + "' on table " + table + ", which this version does not support yet; use 'where' instead");
            }
        }
        Map<String, ColumnRule> columns = new LinkedHashMap<>();
        JsonNode columnNodes = node.path("columns");
        for (Iterator<Map.Entry<String, JsonNode>> it = columnNodes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> column = it.next();
            columns.put(column.getKey(), columnRule(file, table + "." + column.getKey(), column.getValue()));
        }
        return new TableRule(where, data, Map.copyOf(columns));
    }

    private static ColumnRule columnRule(Path file, String column, JsonNode node) {
        if (node.isTextual() && node.asText().equals("keep")) {
            return ColumnRule.KEEP;
        }
        if (!node.isObject() || !node.hasNonNull("mask")) {
            throw invalid(file, "gives column " + column + " neither 'keep' nor '{mask: <transformer>}'; write one of them");
        }
        String name = node.get("mask").asText();
        Transformer transformer = Transformer.named(name).orElseThrow(() -> invalid(file, "masks column " + column
                + " with '" + name + "', which is no transformer; use one of " + Transformer.names()));
        Map<String, String> parameters = new LinkedHashMap<>();
        node.fields().forEachRemaining(p -> {
            if (!p.getKey().equals("mask")) {
                parameters.put(p.getKey(), p.getValue().asText());
            }
        });
        return new ColumnRule(transformer, Map.copyOf(parameters));
    }

    static UserError invalid(Path file, String problem) {
        return new UserError(ExitCode.PRIVACY_RULES, "The rules file " + file + " " + problem + ".");
    }
}
