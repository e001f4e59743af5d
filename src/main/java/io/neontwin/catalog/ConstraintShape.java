package io.neontwin.catalog;

/**
 * A table's constraint.
 *
 * @param table      the table, qualified
 * @param name       the constraint's name, quoted as needed
 * @param type       PRIMARY KEY, UNIQUE, EXCLUDE, FOREIGN KEY or CHECK
 * @param definition pg_get_constraintdef()
 * @param validated  false for a constraint left NOT VALID
 * @param indexSql   for PRIMARY KEY, UNIQUE and EXCLUDE, the CREATE INDEX of the index behind it; null otherwise
 * @param deferrable DEFERRABLE [INITIALLY DEFERRED], or "" (USING INDEX takes it after the index)
 */
public record ConstraintShape(String table, String name, ConstraintType type, String definition, boolean validated,
                              String indexSql, String deferrable) {
}
