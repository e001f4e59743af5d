package io.neontwin.catalog;

/** The constraints the diff handles, by pg_constraint.contype. */
public enum ConstraintType {
    PRIMARY_KEY('p'), UNIQUE('u'), EXCLUDE('x'), FOREIGN_KEY('f'), CHECK('c');

    private final char code;

    ConstraintType(char code) {
        this.code = code;
    }

    public static ConstraintType of(String contype) {
        for (ConstraintType type : values()) {
            if (type.code == contype.charAt(0)) {
                return type;
            }
        }
        throw new IllegalArgumentException("constraint type " + contype);
    }

    /** CHECK and FOREIGN KEY can be added NOT VALID and validated afterwards, without blocking writes. */
    public boolean canBeAddedNotValid() {
        return this == FOREIGN_KEY || this == CHECK;
    }

    /** PRIMARY KEY and UNIQUE can be added USING an index built CONCURRENTLY beforehand. */
    public boolean usesUniqueIndex() {
        return this == PRIMARY_KEY || this == UNIQUE;
    }
}
