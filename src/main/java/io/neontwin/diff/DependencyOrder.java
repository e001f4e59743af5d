package io.neontwin.diff;

import io.neontwin.catalog.CatalogObject;
import io.neontwin.catalog.SchemaModel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

/**
 * Orders a model's objects so that each comes after what it depends on; among objects free to go, by kind
 * (schemas, types, tables, functions, constraints, indexes, views...) then by name, so the same schemas always give
 * the same migration. A dependency cycle (rare: two SQL functions calling each other) is broken at the first object.
 */
final class DependencyOrder {
    private static final Comparator<CatalogObject> BY_KIND_THEN_KEY =
            Comparator.comparing(CatalogObject::kind).thenComparing(CatalogObject::key);

    private DependencyOrder() {
    }

    /** The given keys, dependencies first. */
    static List<String> creating(SchemaModel model, Set<String> keys) {
        List<String> ordered = new ArrayList<>();
        for (String key : all(model)) {
            if (keys.contains(key)) {
                ordered.add(key);
            }
        }
        return ordered;
    }

    /** The given keys, dependents first. */
    static List<String> dropping(SchemaModel model, Set<String> keys) {
        return creating(model, keys).reversed();
    }

    private static List<String> all(SchemaModel model) {
        Map<String, Integer> waitingOn = new HashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        for (String key : model.objects().keySet()) {
            int count = 0;
            for (String on : model.dependenciesOf(key)) {
                if (model.contains(on)) {
                    count++;
                    dependents.computeIfAbsent(on, k -> new ArrayList<>()).add(key);
                }
            }
            waitingOn.put(key, count);
        }
        PriorityQueue<CatalogObject> ready = new PriorityQueue<>(BY_KIND_THEN_KEY);
        TreeSet<CatalogObject> blocked = new TreeSet<>(BY_KIND_THEN_KEY);
        waitingOn.forEach((key, count) -> (count == 0 ? ready : blocked).add(model.get(key)));
        List<String> ordered = new ArrayList<>();
        while (!ready.isEmpty() || !blocked.isEmpty()) {
            CatalogObject next = ready.isEmpty() ? blocked.pollFirst() : ready.poll();
            ordered.add(next.key());
            for (String dependent : dependents.getOrDefault(next.key(), List.of())) {
                int left = waitingOn.merge(dependent, -1, Integer::sum);
                if (left == 0 && blocked.remove(model.get(dependent))) {
                    ready.add(model.get(dependent));
                }
            }
        }
        return ordered;
    }
}
