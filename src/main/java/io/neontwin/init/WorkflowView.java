package io.neontwin.init;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the logic-less templates print, computed from the options: YAML-quoted text, the action inputs to write under
 * each workflow's {@code with:}, the secrets. site/generator.js computes the same view for mustache.js; the shared
 * test vectors hold the two to the same files.
 */
final class WorkflowView {
    private WorkflowView() {
    }

    static List<String> files(WorkflowOptions options) {
        return options.isOn("reverse") ? List.of("neon-twin.yml", "neon-reverse-twin.yml") : List.of("neon-twin.yml");
    }

    static Map<String, Object> of(WorkflowOptions options) {
        Map<String, Object> view = new HashMap<>();
        view.put("actionRef", options.value("action-ref"));
        view.put("twinName", yamlQuote(options.value("twin-name")));
        view.put("schedule", options.value("schedule"));
        view.put("dispatch", options.isOn("dispatch"));
        view.put("refreshOnMerge", options.isOn("refresh-on-merge"));
        view.put("branch", yamlQuote(options.value("branch")));
        view.put("hasConcurrency", !options.value("concurrency").isEmpty());
        view.put("concurrency", options.value("concurrency"));
        view.put("runner", options.value("runner"));
        view.put("caCertificate", options.isOn("ca-certificate"));
        view.put("reverseName", yamlQuote(options.value("reverse-name")));
        view.put("applyOnMerge", options.isOn("apply-on-merge"));
        view.put("environment", yamlQuote(options.value("environment")));
        view.put("refreshAfterApply", options.isOn("refresh-after-apply"));
        view.put("migrationsPath", options.value("migrations-path"));
        view.put("twinWith", inputs(options, OptionGroup.TWIN));
        view.put("reverseWith", inputs(options, OptionGroup.REVERSE));
        view.put("secretNames", String.join(", ", secrets(options).stream().map(SecretToCreate::name).toList()));
        return view;
    }

    /** The repository secrets the workflows read: the two connection strings, then each secret an option turned on. */
    static List<SecretToCreate> secrets(WorkflowOptions options) {
        List<SecretToCreate> secrets = new ArrayList<>(options.catalog().requiredSecrets());
        for (CatalogOption option : options.catalog().options()) {
            if (option.readsSecret() && options.isOn(option.name())) {
                secrets.add(new SecretToCreate(option.secretName(), option.secretHelp()));
            }
        }
        return secrets;
    }

    /** The action inputs a workflow sets: those of its direction (or of both) whose value is not the action's default. */
    private static List<Map<String, String>> inputs(WorkflowOptions options, OptionGroup workflow) {
        List<Map<String, String>> inputs = new ArrayList<>();
        for (CatalogOption option : options.catalog().options()) {
            String value = options.value(option.name());
            if (option.input() == null || !option.group().includes(workflow) || value.equals(option.defaultValue())) {
                continue;
            }
            String yaml = option.kind() == OptionKind.SECRET ? "${{ secrets." + option.secretName() + " }}" : yamlQuote(value);
            inputs.add(Map.of("name", option.name(), "value", yaml));
        }
        return inputs;
    }

    /** A YAML single-quoted scalar: nothing inside is special but the quote, which is doubled. */
    static String yamlQuote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
