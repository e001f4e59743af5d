package io.neontwin.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A database's schema as read from its catalogs: every object by key, and what each depends on (from pg_depend),
 * so that a migration can create and drop in an order the server accepts.
 */
public final class SchemaModel {
    private final Map<String, CatalogObject> objects;
    private final Map<String, Set<String>> dependencies;

    SchemaModel(Map<String, CatalogObject> objects, Map<String, Set<String>> dependencies) {
        this.objects = Collections.unmodifiableMap(new LinkedHashMap<>(objects));
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        dependencies.forEach((key, on) -> copy.put(key, Collections.unmodifiableSet(new LinkedHashSet<>(on))));
        this.dependencies = Collections.unmodifiableMap(copy);
    }

    public Map<String, CatalogObject> objects() {
        return objects;
    }

    public CatalogObject get(String key) {
        return objects.get(key);
    }

    public boolean contains(String key) {
        return objects.containsKey(key);
    }

    /** The keys this object depends on: created before it, dropped after it. */
    public Set<String> dependenciesOf(String key) {
        return dependencies.getOrDefault(key, Set.of());
    }

    /** The keys of the objects that depend on this one directly. */
    public Set<String> dependentsOf(String key) {
        Set<String> dependents = new LinkedHashSet<>();
        dependencies.forEach((dependent, on) -> {
            if (on.contains(key)) {
                dependents.add(dependent);
            }
        });
        return dependents;
    }
}
