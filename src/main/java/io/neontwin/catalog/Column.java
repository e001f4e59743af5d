package io.neontwin.catalog;

/**
 * A table's column.
 *
 * @param name       quoted as needed
 * @param type       format_type(), schema-qualified
 * @param collation  a collation other than the type's, quoted and qualified; null for the type's own
 * @param defaultSql the default expression; null for none (and for a generated column)
 * @param notNull    NOT NULL
 * @param identity   ALWAYS or BY DEFAULT for an identity column; null otherwise
 * @param generated  the expression of a stored generated column; null otherwise
 * @param local      false for a column only inherited from a parent (which then owns it)
 */
public record Column(String name, String type, String collation, String defaultSql, boolean notNull, String identity,
                     String generated, boolean local) {

    /** The column as written in CREATE TABLE and ADD COLUMN. */
    public String definitionSql() {
        StringBuilder sql = new StringBuilder(name).append(' ').append(type);
        if (collation != null) {
            sql.append(" COLLATE ").append(collation);
        }
        if (generated != null) {
            sql.append(" GENERATED ALWAYS AS (").append(generated).append(") STORED");
        } else if (identity != null) {
            sql.append(" GENERATED ").append(identity).append(" AS IDENTITY");
        } else if (defaultSql != null) {
            sql.append(" DEFAULT ").append(defaultSql);
        }
        if (notNull && identity == null) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }
}
