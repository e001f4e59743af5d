package io.neontwin.catalog;

import java.util.List;

/**
 * One object of a schema as read from the catalogs.
 *
 * @param kind       what it is
 * @param key        its identity, the same in both databases for the same object ("table public.film",
 *                   "function public.last_day(timestamp without time zone)")
 * @param owner      the key of the object it belongs to and goes away with (a constraint's table), or null
 * @param definition what it is made of, as text: two objects with the same key and definition are the same
 * @param create     the statements that create it as it is (for tables, constraints and indexes the diff writes
 *                   its own, safer ones from the shape)
 * @param drop       the statement that drops it
 * @param shape      the details a kind needs to be changed in place rather than recreated, or null
 */
public record CatalogObject(ObjectKind kind, String key, String owner, String definition, List<String> create,
                            String drop, Object shape) {
    public CatalogObject {
        create = List.copyOf(create);
    }
}
