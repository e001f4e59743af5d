package io.neontwin.diff;

import io.neontwin.catalog.CatalogObject;
import io.neontwin.catalog.ConstraintShape;
import io.neontwin.catalog.ConstraintType;
import io.neontwin.catalog.EnumShape;
import io.neontwin.catalog.GrantShape;
import io.neontwin.catalog.IndexShape;
import io.neontwin.catalog.ObjectKind;
import io.neontwin.catalog.SchemaModel;
import io.neontwin.catalog.TableShape;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares two schema models and writes the statements that make {@code from} match {@code to}, in three parts:
 * <ol>
 *     <li>drops of what goes away or is recreated, dependents first, as long as nothing needs it meanwhile (views,
 *     constraints, indexes, triggers...; and dropped columns);</li>
 *     <li>creates and in-place changes, dependencies first;</li>
 *     <li>drops of tables, types, functions, sequences, schemas and extensions that go away, dependents first,
 *     once nothing uses them any more.</li>
 * </ol>
 * Objects that hold no data and cannot be changed in place are dropped and created again, and so is everything
 * built on them (a view over a view whose definition changed).
 */
public final class SchemaDiffer {
    private final SchemaModel from;
    private final SchemaModel to;
    private final Set<String> removed = new LinkedHashSet<>();
    private final Set<String> added = new LinkedHashSet<>();
    private final Set<String> recreated = new LinkedHashSet<>();
    private final Map<String, Alteration> altered = new HashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, EnumReplacement> replacedEnums = new LinkedHashMap<>();

    private SchemaDiffer(SchemaModel from, SchemaModel to) {
        this.from = from;
        this.to = to;
    }

    public static SchemaDiff between(SchemaModel from, SchemaModel to) {
        SchemaDiffer differ = new SchemaDiffer(from, to);
        differ.compare();
        DependencyOrder.creating(to, differ.altered.keySet()).forEach(key -> differ.notes.addAll(differ.altered.get(key).notes()));
        return new SchemaDiff(DiffHazards.read(differ.steps()), differ.notes);
    }

    private void compare() {
        from.objects().keySet().stream().filter(key -> !to.contains(key)).forEach(removed::add);
        Deque<String> recreateDependentsOf = new ArrayDeque<>();
        for (CatalogObject object : to.objects().values()) {
            CatalogObject old = from.get(object.key());
            if (old == null) {
                added.add(object.key());
            } else if (!old.definition().equals(object.definition())) {
                Optional<Alteration> alteration = ObjectAlterations.of(old, object);
                if (alteration.isEmpty()) {
                    recreated.add(object.key());
                    recreateDependentsOf.add(object.key());
                } else {
                    altered.put(object.key(), alteration.get());
                    if (alteration.get().recreatesViews()) {
                        recreateViewsOver(object.key(), recreateDependentsOf);
                    }
                }
            }
        }
        while (!recreateDependentsOf.isEmpty()) {
            String key = recreateDependentsOf.pop();
            for (String dependent : from.dependentsOf(key)) {
                if (!to.contains(dependent)) {
                    continue;
                }
                if (to.get(key).shape() instanceof EnumShape type && to.get(dependent).shape() instanceof TableShape table) {
                    replaceEnumUnder(key, type, table);
                    recreateViewsOver(dependent, recreateDependentsOf);
                } else if (!from.get(dependent).kind().recreatable()) {
                    notes.add(key + " must be dropped and created again, but " + from.get(dependent).key() + " uses it, so its"
                            + " DROP will fail; change what uses it to another type first (for an enum: to text, then back).");
                } else if (recreated.add(dependent)) {
                    recreateDependentsOf.add(dependent);
                }
            }
        }
        recreated.forEach(altered::remove);
    }

    private void replaceEnumUnder(String typeKey, EnumShape type, TableShape table) {
        EnumReplacement replacement = replacedEnums.computeIfAbsent(typeKey, k -> new EnumReplacement(type, List.of(), replacedEnums.size() + 1));
        List<TableShape> tables = new ArrayList<>(replacement.tables());
        tables.add(table);
        replacedEnums.put(typeKey, new EnumReplacement(type, tables, replacement.number()));
    }

    /** PostgreSQL refuses a column type change or a dropped column under a view: the table's views are recreated. */
    private void recreateViewsOver(String tableKey, Deque<String> recreateDependentsOf) {
        for (String dependent : from.dependentsOf(tableKey)) {
            ObjectKind kind = from.get(dependent).kind();
            if ((kind == ObjectKind.VIEW || kind == ObjectKind.MATERIALIZED_VIEW) && to.contains(dependent) && recreated.add(dependent)) {
                recreateDependentsOf.add(dependent);
            }
        }
    }

    private List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        Set<String> earlyDrops = new LinkedHashSet<>(recreated);
        removed.stream().filter(key -> !from.get(key).kind().structural()).forEach(earlyDrops::add);
        altered.forEach((key, alteration) -> {
            if (!alteration.early().isEmpty()) {
                earlyDrops.add(key);
            }
        });
        for (String key : DependencyOrder.dropping(from, earlyDrops)) {
            Alteration alteration = altered.get(key);
            if (alteration != null) {
                steps.addAll(alteration.early());
            } else if (replacedEnums.containsKey(key)) {
                steps.add(replacedEnums.get(key).renameAside());
            } else if (!goesWithItsOwner(from.get(key))) {
                steps.add(dropStep(from.get(key)));
            }
        }
        Set<String> creates = new LinkedHashSet<>(added);
        creates.addAll(recreated);
        creates.addAll(altered.keySet());
        for (String key : DependencyOrder.creating(to, creates)) {
            Alteration alteration = altered.get(key);
            steps.addAll(alteration != null ? alteration.inPlace() : createSteps(to.get(key)));
            if (replacedEnums.containsKey(key)) {
                steps.addAll(replacedEnums.get(key).convertColumns());
            }
        }
        replacedEnums.values().forEach(replacement -> steps.add(replacement.dropAside()));
        Set<String> lateDrops = new LinkedHashSet<>();
        removed.stream().filter(key -> from.get(key).kind().structural()).forEach(lateDrops::add);
        for (String key : DependencyOrder.dropping(from, lateDrops)) {
            if (!goesWithItsOwner(from.get(key))) {
                steps.add(dropStep(from.get(key)));
            }
        }
        return steps;
    }

    /**
     * An object whose owner is dropped (or recreated) goes with it: no statement of its own. Foreign keys are the
     * exception, dropped first, so that the table they point at can be dropped whatever the order.
     */
    private boolean goesWithItsOwner(CatalogObject object) {
        if (object.owner() == null || object.shape() instanceof ConstraintShape constraint && constraint.type() == ConstraintType.FOREIGN_KEY) {
            return false;
        }
        return removed.contains(object.owner()) || recreated.contains(object.owner());
    }

    private Step dropStep(CatalogObject object) {
        if (object.shape() instanceof IndexShape index && !index.onPartitioned()) {
            return Step.alone(object.drop().replaceFirst("^DROP INDEX ", "DROP INDEX CONCURRENTLY "));
        }
        return Step.of(object.drop());
    }

    private List<Step> createSteps(CatalogObject object) {
        boolean ownerIsNew = object.owner() != null && (added.contains(object.owner()) || recreated.contains(object.owner()));
        if (object.shape() instanceof GrantShape grant && grant.asByDefault() && ownerIsNew) {
            return List.of();
        }
        if (object.shape() instanceof ConstraintShape constraint) {
            return Constraints.add(constraint, ownerIsNew, to.get(object.owner()).shape() instanceof TableShape table && table.partitioned());
        }
        if (object.shape() instanceof IndexShape index && !ownerIsNew && !index.onPartitioned()) {
            return List.of(Step.alone(index.createSql().replaceFirst("^CREATE (UNIQUE )?INDEX ", "CREATE $1INDEX CONCURRENTLY ")));
        }
        List<Step> steps = new ArrayList<>(ObjectAlterations.steps(object.create()));
        if (object.shape() instanceof TableShape table) {
            if (table.rowSecurity()) {
                steps.add(Step.of("ALTER TABLE " + table.name() + " ENABLE ROW LEVEL SECURITY"));
            }
            if (table.forceRowSecurity()) {
                steps.add(Step.of("ALTER TABLE " + table.name() + " FORCE ROW LEVEL SECURITY"));
            }
        }
        return steps;
    }
}
