package io.neontwin.init;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** One configuration of the generator: a value for every option of the catalog, each one checked. */
public final class WorkflowOptions {
    private final OptionCatalog catalog;
    private final Map<String, String> values;

    private WorkflowOptions(OptionCatalog catalog, Map<String, String> values) {
        this.catalog = catalog;
        this.values = values;
    }

    /** Every option at its default; the schedule at a random minute of the night. */
    public static WorkflowOptions defaults(OptionCatalog catalog, RandomGenerator random) {
        Map<String, String> values = new LinkedHashMap<>();
        for (CatalogOption option : catalog.options()) {
            values.put(option.name(), CatalogOption.RANDOM_NIGHT.equals(option.defaultValue()) ? Cron.randomNight(random) : option.defaultValue());
        }
        return new WorkflowOptions(catalog, values);
    }

    /** A copy with one option set; a reason naming the option when it does not exist or the value is not allowed. */
    public WorkflowOptions with(String name, String value) {
        CatalogOption option = catalog.option(name).orElseThrow(() -> new IllegalArgumentException("there is no option '" + name + "'"));
        Map<String, String> copy = new LinkedHashMap<>(values);
        try {
            copy.put(name, option.normalize(value));
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException(name + ": " + invalid.getMessage(), invalid);
        }
        return new WorkflowOptions(catalog, copy);
    }

    public OptionCatalog catalog() {
        return catalog;
    }

    public String value(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("there is no option '" + name + "'");
        }
        return value;
    }

    public boolean isOn(String name) {
        return "true".equals(value(name));
    }

    /**
     * The options whose value is not the catalog's default, in catalog order: what a shared link or a command line
     * must say. The schedule is always among them, as its default is drawn at random.
     */
    public List<Map.Entry<String, String>> chosen() {
        List<Map.Entry<String, String>> chosen = new ArrayList<>();
        for (CatalogOption option : catalog.options()) {
            String value = values.get(option.name());
            if (!value.equals(option.defaultValue())) {
                chosen.add(Map.entry(option.name(), value));
            }
        }
        return chosen;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WorkflowOptions that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
