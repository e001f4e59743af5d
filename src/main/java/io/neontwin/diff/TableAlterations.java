package io.neontwin.diff;

import io.neontwin.catalog.Column;
import io.neontwin.catalog.TableShape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The ALTER TABLE statements that turn one table into the other: columns (added, dropped, type, collation, default,
 * nullability, identity, generated), inheritance, partition attachment and row level security. A renamed column
 * is not guessed: it is dropped and added, and the DROP COLUMN is flagged as data loss.
 */
final class TableAlterations {
    private final TableShape from;
    private final TableShape to;
    private final List<Step> early = new ArrayList<>();
    private final List<Step> inPlace = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private boolean recreatesViews;

    private TableAlterations(TableShape from, TableShape to) {
        this.from = from;
        this.to = to;
    }

    static Alteration of(TableShape from, TableShape to) {
        TableAlterations alterations = new TableAlterations(from, to);
        alterations.partitioning();
        alterations.inheritance();
        if (from.partitionOf() == null || to.partitionOf() == null) {
            alterations.columns();
        }
        alterations.rowSecurity();
        alterations.storage();
        return new Alteration(alterations.early, alterations.inPlace, alterations.recreatesViews, alterations.notes);
    }

    private String alter() {
        return "ALTER TABLE " + to.name() + " ";
    }

    private void partitioning() {
        if (Objects.equals(from.partitionOf(), to.partitionOf()) && Objects.equals(from.partitionBound(), to.partitionBound())) {
            return;
        }
        if (from.partitionOf() != null) {
            early.add(Step.of("ALTER TABLE " + from.partitionOf() + " DETACH PARTITION " + from.name()));
        }
        if (to.partitionOf() != null) {
            inPlace.add(Step.of("ALTER TABLE " + to.partitionOf() + " ATTACH PARTITION " + to.name() + " " + to.partitionBound()));
        }
    }

    private void inheritance() {
        for (String parent : from.parents()) {
            if (!to.parents().contains(parent)) {
                early.add(Step.of(alter() + "NO INHERIT " + parent));
            }
        }
        for (String parent : to.parents()) {
            if (!from.parents().contains(parent)) {
                inPlace.add(Step.of(alter() + "INHERIT " + parent));
            }
        }
    }

    private void columns() {
        Map<String, Column> before = byName(from.columns());
        Map<String, Column> after = byName(to.columns());
        for (Column column : from.columns()) {
            if (!after.containsKey(column.name()) && column.local()) {
                early.add(Step.of(alter() + "DROP COLUMN " + column.name()));
                recreatesViews = true;
            }
        }
        List<Column> columns = to.columns();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            Column old = before.get(column.name());
            if (old == null) {
                if (column.local()) {
                    inPlace.add(Step.of(alter() + "ADD COLUMN " + column.definitionSql()));
                    if (columns.subList(i + 1, columns.size()).stream().anyMatch(next -> before.containsKey(next.name()))) {
                        notes.add(to.name() + "." + column.name() + " is added as the last column: PostgreSQL cannot"
                                + " put a column between others, so the columns' order will differ from the other side's.");
                    }
                }
            } else if (!old.equals(column)) {
                change(old, column);
            }
        }
    }

    private void change(Column old, Column column) {
        String alterColumn = alter() + "ALTER COLUMN " + column.name() + " ";
        if (!Objects.equals(old.generated(), column.generated())) {
            // a generated column's expression cannot be changed in place before PostgreSQL 17: its values are
            // computed, so dropping and adding it loses nothing the table does not compute again
            inPlace.add(Step.of(alter() + "DROP COLUMN " + column.name()));
            inPlace.add(Step.of(alter() + "ADD COLUMN " + column.definitionSql()));
            recreatesViews = true;
            return;
        }
        String currentDefault = old.defaultSql();
        boolean typeChanges = !old.type().equals(column.type()) || !Objects.equals(old.collation(), column.collation());
        if (typeChanges) {
            if (currentDefault != null) {
                inPlace.add(Step.of(alterColumn + "DROP DEFAULT"));
                currentDefault = null;
            }
            inPlace.add(Step.of(alterColumn + "TYPE " + column.type()
                    + (column.collation() == null ? "" : " COLLATE " + column.collation())
                    + " USING " + column.name() + "::" + column.type()));
            recreatesViews = true;
        }
        boolean notNull = old.notNull();
        if (!Objects.equals(old.identity(), column.identity())) {
            if (old.identity() == null) {
                if (currentDefault != null) {
                    inPlace.add(Step.of(alterColumn + "DROP DEFAULT"));
                    currentDefault = null;
                }
                inPlace.add(Step.of(alterColumn + "ADD GENERATED " + column.identity() + " AS IDENTITY"));
                notNull = true;
            } else if (column.identity() == null) {
                inPlace.add(Step.of(alterColumn + "DROP IDENTITY"));
            } else {
                inPlace.add(Step.of(alterColumn + "SET GENERATED " + column.identity()));
            }
        }
        if (!Objects.equals(currentDefault, column.defaultSql())) {
            inPlace.add(Step.of(alterColumn + (column.defaultSql() == null ? "DROP DEFAULT" : "SET DEFAULT " + column.defaultSql())));
        }
        if (column.identity() == null && notNull != column.notNull()) {
            inPlace.add(Step.of(alterColumn + (column.notNull() ? "SET NOT NULL" : "DROP NOT NULL")));
        }
    }

    private void rowSecurity() {
        if (from.rowSecurity() != to.rowSecurity()) {
            inPlace.add(Step.of(alter() + (to.rowSecurity() ? "ENABLE" : "DISABLE") + " ROW LEVEL SECURITY"));
        }
        if (from.forceRowSecurity() != to.forceRowSecurity()) {
            inPlace.add(Step.of(alter() + (to.forceRowSecurity() ? "FORCE" : "NO FORCE") + " ROW LEVEL SECURITY"));
        }
    }

    /** SET LOGGED and SET UNLOGGED rewrite the table; storage parameters apply to new pages, no rewrite. */
    private void storage() {
        if (from.unlogged() != to.unlogged()) {
            inPlace.add(Step.of(alter() + (to.unlogged() ? "SET UNLOGGED" : "SET LOGGED")));
        }
        if (from.options().equals(to.options())) {
            return;
        }
        List<String> reset = from.options().stream().map(option -> option.substring(0, option.indexOf('=')))
                .filter(name -> to.options().stream().noneMatch(option -> option.startsWith(name + "="))).toList();
        if (!reset.isEmpty()) {
            inPlace.add(Step.of(alter() + "RESET (" + String.join(", ", reset) + ")"));
        }
        if (!to.options().isEmpty()) {
            inPlace.add(Step.of(alter() + "SET (" + String.join(", ", to.options()) + ")"));
        }
    }

    private static Map<String, Column> byName(List<Column> columns) {
        return columns.stream().collect(Collectors.toMap(Column::name, Function.identity()));
    }
}
