package io.neontwin.twin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which of production's schema objects the twin gets. Left out, each with a warning that names it:
 * publications, subscriptions and event triggers (they belong to production's operations, not its data model),
 * user mappings (they hold production's credentials), extensions the twin's server cannot install together with
 * every object that depends on them, and row-level security policies for roles the twin's server does not have.
 * Comments on extensions are left to the extension's own script (only its owner may set them).
 */
final class TocFilter {

    /** What was decided: the entries to restore, and why others were not. */
    record Selection(List<TocEntry> kept, List<String> warnings, Set<Long> skippedRelationOids) {
    }

    private final Set<String> missingExtensions;
    private final Map<String, List<ProductionCatalog.CatalogObject>> extensionDependents;
    private final List<ProductionCatalog.CatalogObject> leftOutDependents;
    private final Map<Long, ProductionCatalog.RolePolicy> policiesWithMissingRoles;

    /**
     * @param extensionDependents      each extension the twin's server lacks, with the objects that depend on it
     * @param policiesWithMissingRoles policies naming roles the twin's server lacks, by policy oid
     * @param leftOutDependents        objects that depend on tables or views not chosen for the twin
     */
    TocFilter(Map<String, List<ProductionCatalog.CatalogObject>> extensionDependents,
              Map<Long, ProductionCatalog.RolePolicy> policiesWithMissingRoles,
              List<ProductionCatalog.CatalogObject> leftOutDependents) {
        this.missingExtensions = extensionDependents.keySet();
        this.leftOutDependents = leftOutDependents;
        this.extensionDependents = extensionDependents;
        this.policiesWithMissingRoles = policiesWithMissingRoles;
    }

    Selection select(List<TocEntry> entries) {
        List<String> warnings = new ArrayList<>();
        Set<String> skippedObjects = new HashSet<>();
        Set<Long> skippedRelations = new HashSet<>();
        for (Map.Entry<String, List<ProductionCatalog.CatalogObject>> extension : extensionDependents.entrySet()) {
            List<String> names = new ArrayList<>();
            for (ProductionCatalog.CatalogObject object : extension.getValue()) {
                skippedObjects.add(object.catalogTable() + "/" + object.oid());
                if (object.catalogTable() == PG_CLASS) {
                    skippedRelations.add(object.oid());
                }
                names.add(object.description());
            }
            warnings.add("extension " + extension.getKey() + " is not available on the twin's server; skipped it"
                    + (names.isEmpty() ? "" : " and " + names.size() + " object(s) that depend on it: " + summarize(names)));
        }
        Set<String> dumped = new HashSet<>();
        entries.forEach(entry -> dumped.add(entry.catalogTable() + "/" + entry.oid()));
        List<String> dependentNames = new ArrayList<>();
        for (ProductionCatalog.CatalogObject object : leftOutDependents) {
            String key = object.catalogTable() + "/" + object.oid();
            // pg_dump already left out what belongs to the excluded tables (their indexes, triggers ...); name the rest
            if (dumped.contains(key) && skippedObjects.add(key)) {
                dependentNames.add(object.description());
                if (object.catalogTable() == PG_CLASS) {
                    skippedRelations.add(object.oid());
                }
            }
        }
        if (!dependentNames.isEmpty()) {
            warnings.add(dependentNames.size() + " object(s) depend on tables or views that are not copied, and are left out too: "
                    + summarize(dependentNames));
        }
        Map<String, List<String>> operational = new LinkedHashMap<>();
        List<TocEntry> kept = new ArrayList<>();
        Set<String> skippedRelationLabels = new HashSet<>();
        for (TocEntry entry : entries) {
            if (entry.is(DumpEntryKind.TABLE) && skippedRelations.contains(entry.oid())) {
                skippedRelationLabels.add(entry.schema() + " " + tagOf(entry));
            }
        }
        for (TocEntry entry : entries) {
            if (entry.kind().operational()) {
                operational.computeIfAbsent(entry.desc().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>()).add(displayName(entry));
            } else if (entry.is(DumpEntryKind.EXTENSION) && missingExtensions.contains(tagOf(entry))) {
                continue;
            } else if (entry.is(DumpEntryKind.COMMENT) && entry.rest().startsWith("- EXTENSION ")) {
                continue;
            } else if (skippedObjects.contains(entry.catalogTable() + "/" + entry.oid())
                    || entry.catalogTable() == 0 && skippedRelations.contains(entry.oid())
                    || entry.catalogTable() == 0 && belongsToSkipped(entry, skippedRelationLabels)) {
                continue;
            } else if (entry.is(DumpEntryKind.POLICY) && policiesWithMissingRoles.containsKey(entry.oid())) {
                ProductionCatalog.RolePolicy policy = policiesWithMissingRoles.get(entry.oid());
                warnings.add("row-level security policy " + policy.policy() + " on " + policy.table() + " is for role(s) "
                        + String.join(", ", policy.roles()) + " that the twin's server does not have; skipped it");
            } else {
                kept.add(entry);
            }
        }
        operational.forEach((kind, names) -> warnings.add("production's " + kind + " objects are not copied to the twin: " + summarize(names)));
        return new Selection(kept, warnings, skippedRelations);
    }

    static final long PG_CLASS = 1259;

    /** The tag (object name) of an entry: what follows the schema, without the owner. */
    private static String tagOf(TocEntry entry) {
        String label = entry.label();
        int space = label.indexOf(' ');
        return space < 0 ? label : label.substring(space + 1);
    }

    /** Entries without an oid of their own (comments, attachments, OWNED BY) that name a skipped relation. */
    private static boolean belongsToSkipped(TocEntry entry, Set<String> skippedRelationLabels) {
        String label = entry.label();
        for (String relation : skippedRelationLabels) {
            String schema = relation.substring(0, relation.indexOf(' '));
            String name = relation.substring(relation.indexOf(' ') + 1);
            if (label.equals(relation) || label.equals(schema + " TABLE " + name) || label.startsWith(schema + " COLUMN " + name + ".")) {
                return true;
            }
        }
        return false;
    }

    /** "public.people" for objects in a schema, the bare name for those without one. */
    private static String displayName(TocEntry entry) {
        String label = entry.label();
        return label.startsWith("- ") ? label.substring(2) : label.replaceFirst(" ", ".");
    }

    private static String summarize(List<String> names) {
        int shown = Math.min(names.size(), 10);
        String listed = String.join(", ", names.subList(0, shown));
        return names.size() > shown ? listed + " and " + (names.size() - shown) + " more" : listed;
    }
}
