package io.neontwin.twin;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Inheritance children whose columns production keeps in another order than the restored schema gives them. pg_dump
 * recreates a child with CREATE TABLE ... INHERITS, which puts the inherited columns first; a child that joined its
 * parent later (ALTER TABLE ... INHERIT) or whose parent gained columns may have them elsewhere on production. Rows
 * are copied by column name, so every value lands in its column; only the order SELECT * shows differs, and says so.
 */
final class ColumnOrder {
    private static final String CHILDREN_COLUMNS = """
            SELECT format('%I.%I', n.nspname, c.relname), a.attname
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            WHERE EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhrelid = c.oid)
            ORDER BY 1, a.attnum""";

    private ColumnOrder() {
    }

    /** One warning per child table present on both sides whose column order differs. */
    static List<String> differences(Connection production, Connection twin) throws SQLException {
        Map<String, List<String>> onProduction = childrenColumns(production);
        Map<String, List<String>> onTwin = childrenColumns(twin);
        List<String> warnings = new ArrayList<>();
        onTwin.forEach((table, twinColumns) -> {
            List<String> productionColumns = onProduction.get(table);
            if (productionColumns != null && !productionColumns.equals(twinColumns)) {
                warnings.add("inheritance child " + table + " has its columns in another order in the twin ("
                        + String.join(", ", twinColumns) + ") than on production (" + String.join(", ", productionColumns)
                        + "), as CREATE TABLE ... INHERITS puts inherited columns first; values are in the right columns,"
                        + " only SELECT * lists them in the twin's order");
            }
        });
        return warnings;
    }

    private static Map<String, List<String>> childrenColumns(Connection connection) throws SQLException {
        Map<String, List<String>> columns = new TreeMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(CHILDREN_COLUMNS)) {
            while (rows.next()) {
                columns.computeIfAbsent(rows.getString(1), t -> new ArrayList<>()).add(rows.getString(2));
            }
        }
        return columns;
    }
}
