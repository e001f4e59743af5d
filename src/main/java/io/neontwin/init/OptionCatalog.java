package io.neontwin.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.neontwin.face.OptionTable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every option of the workflow generator, in the order the page and {@code neon-twin init --help} show them: the
 * workflow-shape options of options.json, then one option per action input ({@link OptionTable}, the table the action
 * itself reads), so an input added to the action appears here without being written a second time. options.json may
 * give an input a richer kind (a choice, a number range) or help; an input it does not mention is free text, a
 * boolean when its default is true or false, or an on/off secret when it holds a credential.
 */
public final class OptionCatalog {
    private static final String RESOURCE = "options.json";

    private final List<CatalogOption> options;
    private final List<SecretToCreate> requiredSecrets;
    private final List<String> skippedInputs;

    private OptionCatalog(List<CatalogOption> options, List<SecretToCreate> requiredSecrets, List<String> skippedInputs) {
        this.options = List.copyOf(options);
        this.requiredSecrets = List.copyOf(requiredSecrets);
        this.skippedInputs = List.copyOf(skippedInputs);
    }

    public static OptionCatalog load() {
        try (InputStream in = OptionCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return fromJson(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OptionCatalog fromJson(JsonNode root) {
        JsonNode secrets = root.path("secrets");
        List<CatalogOption> options = new ArrayList<>();
        for (JsonNode option : root.path("options")) {
            String name = option.path("name").asText();
            options.add(new CatalogOption(name, option.path("label").asText(), OptionGroup.fromJson(option.path("group").asText()),
                    OptionKind.fromJson(option.path("kind").asText()), option.path("default").asText(), strings(option.path("allowed")),
                    text(option, "pattern"), integer(option, "min"), integer(option, "max"), option.path("help").asText(),
                    text(option, "requires"), null, text(secrets.path(name), "secret"), text(secrets.path(name), "help")));
        }
        List<String> skipped = new ArrayList<>();
        root.path("skipped").fieldNames().forEachRemaining(skipped::add);
        List<SecretToCreate> required = new ArrayList<>();
        for (OptionTable input : OptionTable.actionInputs()) {
            if (input.required()) {
                JsonNode secret = secrets.path(input.yamlName());
                required.add(new SecretToCreate(secret.path("secret").asText(CatalogOption.secretNameOf(input)), secret.path("help").asText(input.yamlName())));
            } else if (!skipped.contains(input.yamlName())) {
                options.add(inputOption(input, root.path("inputs").path(input.yamlName())));
            }
        }
        return new OptionCatalog(options, required, skipped);
    }

    private static CatalogOption inputOption(OptionTable input, JsonNode override) {
        OptionKind kind = override.has("kind") ? OptionKind.fromJson(override.path("kind").asText()) : kindOf(input);
        OptionGroup group = OptionGroup.of(input.onlyFor());
        String defaultValue = kind == OptionKind.SECRET ? "false" : input.defaultValue();
        String help = override.path("help").asText("The action's " + input.yamlName() + " input (see action.yml)"
                + (defaultValue.isEmpty() ? "." : "; default " + defaultValue + "."));
        return new CatalogOption(input.yamlName(), labelOf(input), group, kind, defaultValue, strings(override.path("allowed")), text(override, "pattern"),
                integer(override, "min"), integer(override, "max"), help, group == OptionGroup.REVERSE ? "reverse" : null, input,
                kind == OptionKind.SECRET ? CatalogOption.secretNameOf(input) : null, kind == OptionKind.SECRET ? help : null);
    }

    /** "Exclude table data (exclude-table-data)": words to read, and the name to find in action.yml. */
    private static String labelOf(OptionTable input) {
        String words = input.yamlName().replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1) + " (" + input.yamlName() + ")";
    }

    private static OptionKind kindOf(OptionTable input) {
        if (input.secret()) {
            return OptionKind.SECRET;
        }
        return "true".equals(input.defaultValue()) || "false".equals(input.defaultValue()) ? OptionKind.BOOLEAN : OptionKind.TEXT;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.path(field).asText() : null;
    }

    private static Integer integer(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.path(field).asInt() : null;
    }

    public List<CatalogOption> options() {
        return options;
    }

    public Optional<CatalogOption> option(String name) {
        return options.stream().filter(option -> option.name().equals(name)).findFirst();
    }

    /** The secrets every configuration needs: production's and the twin's connection strings. */
    public List<SecretToCreate> requiredSecrets() {
        return requiredSecrets;
    }

    /** Action inputs the workflows set themselves (direction, dry-run), so no option offers them. */
    public List<String> skippedInputs() {
        return skippedInputs;
    }

    /** The catalog as the page reads it (site/generator-data.js). */
    public Map<String, Object> toJson() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (CatalogOption option : options) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", option.name());
            json.put("label", option.label());
            json.put("group", option.group().jsonName());
            json.put("kind", option.kind().jsonName());
            json.put("default", option.defaultValue());
            putIfPresent(json, "allowed", option.allowed().isEmpty() ? null : option.allowed());
            putIfPresent(json, "pattern", option.pattern());
            putIfPresent(json, "min", option.min());
            putIfPresent(json, "max", option.max());
            json.put("help", option.help());
            putIfPresent(json, "requires", option.requires());
            json.put("actionInput", option.input() != null);
            putIfPresent(json, "secret", option.secretName());
            putIfPresent(json, "secretHelp", option.secretHelp());
            list.add(json);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("options", list);
        json.put("requiredSecrets", requiredSecrets);
        return json;
    }

    private static void putIfPresent(Map<String, Object> json, String key, Object value) {
        if (value != null) {
            json.put(key, value);
        }
    }
}
