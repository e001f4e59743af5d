package io.neontwin.twin;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.Spelling;
import io.neontwin.errors.UserError;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules file checked against production's snapshot before any write, and turned into what the copy does per
 * table: rows left out by 'where' or 'data: false', columns masked in flight. Every problem is found here: a table or
 * column that does not exist, a 'where' the server cannot parse, a keyed mask without a key, and in strict mode every
 * personal column of a copied table that no rule covers.
 *
 * @param transforms      by table oid, for the tables a rule filters or masks
 * @param withoutData     the oids of tables whose rule says data: false (strict mode skips these and --exclude-table-data's)
 * @param maskedColumns   "schema.table" to its masked columns and their transformer, for the report (never a value)
 */
record PrivacyPlan(Map<Long, TableTransform> transforms, Set<Long> withoutData, Map<String, Map<String, String>> maskedColumns) {
    static final PrivacyPlan NONE = new PrivacyPlan(Map.of(), Set.of(), Map.of());

    TableTransform transformOf(long oid) {
        return transforms.getOrDefault(oid, TableTransform.IDENTITY);
    }

    static PrivacyPlan prepare(PrivacySettings settings, List<ProductionCatalog.Relation> tables,
                               Map<Long, List<ProductionCatalog.Column>> columns, Set<Long> excludedData,
                               Connection snapshot) throws SQLException {
        if (!settings.hasRules()) {
            return NONE;
        }
        PrivacyRules rules = PrivacyRules.read(settings.rulesFile());
        Map<String, ProductionCatalog.Relation> byName = new HashMap<>();
        tables.forEach(t -> byName.put(t.schema() + "." + t.name(), t));
        Map<Long, TableTransform> transforms = new HashMap<>();
        Set<Long> withoutData = new HashSet<>();
        Set<Long> leaveProductionNoRows = new HashSet<>(excludedData);
        Map<String, Map<String, String>> masked = new java.util.TreeMap<>();
        for (Map.Entry<String, PrivacyRules.TableRule> entry : rules.tables().entrySet()) {
            ProductionCatalog.Relation table = byName.get(entry.getKey());
            if (table == null) {
                throw unknown(settings, "table " + entry.getKey(), entry.getKey(), List.copyOf(byName.keySet()));
            }
            PrivacyRules.TableRule rule = entry.getValue();
            List<String> names = columns.getOrDefault(table.oid(), List.of()).stream().map(ProductionCatalog.Column::name).toList();
            List<RowMasker.MaskedColumn> maskedHere = new ArrayList<>();
            for (Map.Entry<String, PrivacyRules.ColumnRule> column : rule.columns().entrySet()) {
                int position = names.indexOf(column.getKey());
                if (position < 0) {
                    throw unknown(settings, "column " + column.getKey() + " of " + entry.getKey(), column.getKey(), names);
                }
                PrivacyRules.ColumnRule columnRule = column.getValue();
                ProductionCatalog.Column described = columns.get(table.oid()).get(position);
                if (columnRule.masks()) {
                    columnRule.transformer().misfit(described).ifPresent(why -> {
                        throw new UserError(ExitCode.PRIVACY_RULES, "Column " + entry.getKey() + "." + column.getKey() + " " + why
                                + ", so '" + columnRule.describe() + "' does not fit it; choose a transformer for its type (docs/privacy.md), or keep it.");
                    });
                }
                if (columnRule.masks() && columnRule.transformer().keyed() && settings.key() == null) {
                    throw new UserError(ExitCode.PRIVACY_RULES, "Column " + entry.getKey() + "." + column.getKey() + " is masked with '"
                            + columnRule.describe() + "', which needs a masking key; set NEON_TWIN_MASKING_KEY (action input masking-key) from a secret.");
                }
                if (columnRule.masks()) {
                    maskedHere.add(new RowMasker.MaskedColumn(position, column.getKey(), columnRule));
                    masked.computeIfAbsent(entry.getKey(), k -> new java.util.TreeMap<>()).put(column.getKey(), columnRule.describe());
                }
            }
            if (!rule.data()) {
                withoutData.add(table.oid());
                leaveProductionNoRows.add(table.oid());
            }
            if (rule.where() != null) {
                checkWhere(snapshot, table, rule.where());
            }
            if (rule.where() != null || !maskedHere.isEmpty()) {
                transforms.put(table.oid(), new PrivacyTransform(rule.where(),
                        maskedHere.isEmpty() ? null : new RowMasker(maskedHere, settings.key())));
            }
        }
        if (rules.strict()) {
            refuseUncoveredPersonalColumns(rules, tables, columns, leaveProductionNoRows);
        }
        return new PrivacyPlan(Map.copyOf(transforms), Set.copyOf(withoutData), masked);
    }

    /** EXPLAIN parses and plans the predicate on the snapshot without reading a row; a savepoint keeps the snapshot's transaction usable. */
    private static void checkWhere(Connection snapshot, ProductionCatalog.Relation table, String where) throws SQLException {
        Savepoint savepoint = snapshot.getAutoCommit() ? null : snapshot.setSavepoint();
        try (Statement statement = snapshot.createStatement()) {
            statement.execute("EXPLAIN SELECT 1 FROM ONLY " + table.qualified() + " WHERE (" + where + ")");
        } catch (SQLException e) {
            if (savepoint != null) {
                snapshot.rollback(savepoint);
            }
            throw new UserError(ExitCode.PRIVACY_RULES, "The 'where' of table " + table.schema() + "." + table.name()
                    + " in the rules file does not run on production: " + io.neontwin.errors.ErrorText.firstLine(e.getMessage())
                    + "; fix the predicate.", e);
        }
        if (savepoint != null) {
            snapshot.releaseSavepoint(savepoint);
        }
    }

    private static void refuseUncoveredPersonalColumns(PrivacyRules rules, List<ProductionCatalog.Relation> tables,
                                                       Map<Long, List<ProductionCatalog.Column>> columns, Set<Long> withoutData) {
        List<String> uncovered = new ArrayList<>();
        for (ProductionCatalog.Relation table : tables) {
            if (withoutData.contains(table.oid())) {
                continue;
            }
            Map<String, PrivacyRules.ColumnRule> covered = rules.forTable(table.schema(), table.name())
                    .map(PrivacyRules.TableRule::columns).orElse(Map.of());
            for (ProductionCatalog.Column column : columns.getOrDefault(table.oid(), List.of())) {
                Optional<Transformer> suggestion = PersonalColumns.suggestion(column.name());
                if (suggestion.isPresent() && !covered.containsKey(column.name())) {
                    uncovered.add(table.schema() + "." + table.name() + "." + column.name() + " (add under tables: "
                            + table.schema() + "." + table.name() + ": columns: " + column.name() + ": {mask: "
                            + yamlWord(suggestion.get().ruleName()) + "} or keep)");
                }
            }
        }
        if (!uncovered.isEmpty()) {
            throw new UserError(ExitCode.PRIVACY_RULES, uncovered.size() + " column(s) look personal and no rule covers them, so"
                    + " strict mode stops before any write: " + String.join("; ", uncovered)
                    + "; add a rule for each to the rules file (or 'strict: false' to accept the risk).");
        }
    }

    /** A bare null is YAML's null, not the transformer's name. */
    private static String yamlWord(String name) {
        return name.equals("null") ? "\"null\"" : name;
    }

    private static UserError unknown(PrivacySettings settings, String what, String typed, List<String> existing) {
        List<String> closest = Spelling.closest(typed, existing, 3);
        return PrivacyRules.invalid(settings.rulesFile(), "names " + what + ", which production does not have"
                + (closest.isEmpty() ? "" : " (closest: " + String.join(", ", closest) + ")") + "; correct the name");
    }
}
