package io.neontwin.diff;

import io.neontwin.catalog.Column;
import io.neontwin.catalog.EnumShape;
import io.neontwin.catalog.TableShape;

import java.util.ArrayList;
import java.util.List;

/**
 * An enum that loses or reorders values while table columns use it cannot be dropped: it is renamed aside, the new
 * one created, each column converted through text (a rewrite of its table, flagged), and the old one dropped last.
 *
 * @param type   the enum as it should be
 * @param tables the tables whose columns use it, as they should be
 * @param number tells apart the renamed-aside types of one migration
 */
record EnumReplacement(EnumShape type, List<TableShape> tables, int number) {
    private String asideName() {
        return "neontwin_replaced_enum_" + number;
    }

    /** Instead of the DROP TYPE: the columns still use the old type until they are converted. */
    Step renameAside() {
        return Step.of("ALTER TYPE " + type.name() + " RENAME TO " + asideName());
    }

    /** After the new type is created. */
    List<Step> convertColumns() {
        List<Step> steps = new ArrayList<>();
        String array = type.name() + "[]";
        for (TableShape table : tables) {
            for (Column column : table.columns()) {
                if (!column.local() || !column.type().equals(type.name()) && !column.type().equals(array)) {
                    continue;
                }
                String alterColumn = "ALTER TABLE " + table.name() + " ALTER COLUMN " + column.name() + " ";
                String through = column.type().equals(array) ? "::text[]::" : "::text::";
                if (column.defaultSql() != null) {
                    steps.add(Step.of(alterColumn + "DROP DEFAULT"));
                }
                steps.add(Step.of(alterColumn + "TYPE " + column.type() + " USING " + column.name() + through + column.type()));
                if (column.defaultSql() != null) {
                    steps.add(Step.of(alterColumn + "SET DEFAULT " + column.defaultSql()));
                }
            }
        }
        return steps;
    }

    /** Once nothing uses the old type. */
    Step dropAside() {
        return Step.of("DROP TYPE " + type.schema() + "." + asideName());
    }
}
