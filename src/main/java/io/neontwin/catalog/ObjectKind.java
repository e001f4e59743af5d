package io.neontwin.catalog;

/**
 * The kinds of schema objects the catalog model holds. The order is the order in which objects that do not depend
 * on each other are created (a table before the SQL function that reads it, a function before the view that calls
 * it), so a migration reads the way a person would write it.
 */
public enum ObjectKind {
    SCHEMA(false, true),
    EXTENSION(false, true),
    TYPE(true, true),
    SEQUENCE(true, true),
    TABLE(false, true),
    FUNCTION(true, true),
    AGGREGATE(true, true),
    SEQUENCE_OWNERSHIP(true, false),
    CONSTRAINT(true, false),
    INDEX(true, false),
    VIEW(true, false),
    MATERIALIZED_VIEW(true, false),
    TRIGGER(true, false),
    POLICY(true, false),
    COMMENT(true, false),
    PRIVILEGE(true, false);

    private final boolean recreatable;
    private final boolean structural;

    ObjectKind(boolean recreatable, boolean structural) {
        this.recreatable = recreatable;
        this.structural = structural;
    }

    /**
     * Whether the diff may drop and create it again to change it, or because something it depends on is recreated:
     * true for objects that hold no data (a view, an index, a function); false for tables, schemas and extensions.
     */
    public boolean recreatable() {
        return recreatable;
    }

    /**
     * Whether others are built on it (tables, types, functions...): those are dropped last, after every change, so
     * that whatever still used them has been changed first. The others (views, constraints, indexes...) are dropped
     * first.
     */
    public boolean structural() {
        return structural;
    }
}
