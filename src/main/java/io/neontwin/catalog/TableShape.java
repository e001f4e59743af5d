package io.neontwin.catalog;

import java.util.List;

/**
 * A table's columns and place among partitions and inheritance.
 *
 * @param name           schema-qualified, quoted as needed
 * @param columns        in column order (only inherited ones too, marked not local)
 * @param parents        the tables it inherits from (not for a partition)
 * @param partitionOf    the partitioned table it is a partition of, or null
 * @param partitionBound FOR VALUES ... / DEFAULT for a partition, or null
 * @param partitionKey   the PARTITION BY clause's inside for a partitioned table, or null
 * @param rowSecurity    row level security enabled
 * @param forceRowSecurity row level security forced on the table's owner too
 * @param unlogged       UNLOGGED (not written to the WAL)
 * @param options        storage parameters, "fillfactor=70", in the order the catalog holds them
 */
public record TableShape(String name, List<Column> columns, List<String> parents, String partitionOf,
                         String partitionBound, String partitionKey, boolean rowSecurity, boolean forceRowSecurity,
                         boolean unlogged, List<String> options) {
    public TableShape {
        columns = List.copyOf(columns);
        parents = List.copyOf(parents);
        options = List.copyOf(options);
    }

    public boolean partitioned() {
        return partitionKey != null;
    }

    /** The CREATE TABLE statement, columns and all (constraints and indexes are objects of their own). */
    public String createSql() {
        StringBuilder sql = new StringBuilder(unlogged ? "CREATE UNLOGGED TABLE " : "CREATE TABLE ").append(name);
        if (partitionOf != null) {
            sql.append(" PARTITION OF ").append(partitionOf).append(' ').append(partitionBound);
        } else {
            sql.append(" (");
            List<Column> local = columns.stream().filter(Column::local).toList();
            for (int i = 0; i < local.size(); i++) {
                sql.append(i == 0 ? "\n    " : ",\n    ").append(local.get(i).definitionSql());
            }
            sql.append(local.isEmpty() ? ")" : "\n)");
            if (!parents.isEmpty()) {
                sql.append(" INHERITS (").append(String.join(", ", parents)).append(')');
            }
        }
        if (partitionKey != null) {
            sql.append(" PARTITION BY ").append(partitionKey);
        }
        if (!options.isEmpty()) {
            sql.append(" WITH (").append(String.join(", ", options)).append(')');
        }
        return sql.toString();
    }
}
