package io.neontwin.diff;

import io.neontwin.catalog.ConstraintShape;

import java.util.List;

/**
 * How a constraint is added to a table that already holds rows without blocking it for the length of a scan: CHECK
 * and FOREIGN KEY NOT VALID, then VALIDATE (which takes a lock that lets reads and writes go on); PRIMARY KEY and
 * UNIQUE over a unique index built CONCURRENTLY. On a table the migration creates, the plain form.
 */
final class Constraints {
    private Constraints() {
    }

    static List<Step> add(ConstraintShape constraint, boolean newTable, boolean partitioned) {
        String alter = "ALTER TABLE " + constraint.table() + " ";
        if (newTable) {
            return List.of(Step.of(alter + "ADD CONSTRAINT " + constraint.name() + " " + constraint.definition()));
        }
        if (constraint.type().canBeAddedNotValid() && constraint.validated()) {
            return addNotValidThenValidate(alter, constraint.name(), constraint.definition());
        }
        if (constraint.type().usesUniqueIndex() && !partitioned && constraint.indexSql() != null) {
            String keyword = constraint.type() == io.neontwin.catalog.ConstraintType.PRIMARY_KEY ? "PRIMARY KEY" : "UNIQUE";
            return List.of(Step.alone(constraint.indexSql().replaceFirst("^CREATE UNIQUE INDEX ", "CREATE UNIQUE INDEX CONCURRENTLY ")),
                    Step.of(alter + "ADD CONSTRAINT " + constraint.name() + " " + keyword + " USING INDEX "
                            + indexName(constraint.indexSql()) + constraint.deferrable()));
        }
        return List.of(Step.of(alter + "ADD CONSTRAINT " + constraint.name() + " " + constraint.definition()));
    }

    /** @param alter "ALTER TABLE t " or "ALTER DOMAIN d " */
    static List<Step> addNotValidThenValidate(String alter, String name, String definition) {
        if (definition.endsWith(" NOT VALID")) { // left unvalidated on purpose on the other side
            return List.of(Step.of(alter + "ADD CONSTRAINT " + name + " " + definition));
        }
        return List.of(Step.of(alter + "ADD CONSTRAINT " + name + " " + definition + " NOT VALID"),
                Step.of(alter + "VALIDATE CONSTRAINT " + name));
    }

    /** The index's own name in "CREATE UNIQUE INDEX name ON ...". */
    private static String indexName(String indexSql) {
        String rest = indexSql.substring("CREATE UNIQUE INDEX ".length());
        return rest.substring(0, rest.indexOf(" ON "));
    }
}
