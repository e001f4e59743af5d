package io.neontwin.catalog;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects a schema's objects as the readers find them, with where each sits in the catalogs (catalog name and
 * oid), so that pg_depend, pg_description and the ACL columns can be turned into dependencies, comments and grants.
 */
final class ModelBuilder {
    private final Map<String, CatalogObject> objects = new LinkedHashMap<>();
    private final Map<String, Set<String>> dependencies = new LinkedHashMap<>();
    private final Map<String, String> keyByOid = new HashMap<>();
    private final Map<String, String> targetByOid = new HashMap<>();

    /**
     * @param target how COMMENT ON and GRANT name it ("TABLE public.film"), or null when neither applies
     */
    void add(CatalogObject object, String catalog, long oid, String target) {
        objects.put(object.key(), object);
        if (catalog == null) {
            dependOn(object.key(), object.owner());
            return;
        }
        keyByOid.put(catalog + ":" + oid, object.key());
        if (target != null) {
            targetByOid.put(catalog + ":" + oid, target);
        }
        if (object.owner() != null) {
            dependOn(object.key(), object.owner());
        }
    }

    /** Another catalog row that stands for the same object (a table's row type, the index behind a constraint). */
    void alias(String catalog, long oid, String key) {
        keyByOid.putIfAbsent(catalog + ":" + oid, key);
    }

    void dependOn(String key, String on) {
        if (on != null && !on.equals(key)) {
            dependencies.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(on);
        }
    }

    String keyOf(String catalog, long oid) {
        return keyByOid.get(catalog + ":" + oid);
    }

    String targetOf(String catalog, long oid) {
        return targetByOid.get(catalog + ":" + oid);
    }

    CatalogObject get(String key) {
        return objects.get(key);
    }

    /** An object that is only a statement about another (a comment, a grant): it depends on and goes with it. */
    void addAbout(ObjectKind kind, String key, String about, String definition, List<String> create, String drop) {
        add(new CatalogObject(kind, key, about, definition, create, drop, null), null, 0, null);
    }

    SchemaModel build() {
        return new SchemaModel(objects, dependencies);
    }
}
