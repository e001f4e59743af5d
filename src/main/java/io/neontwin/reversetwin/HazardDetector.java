package io.neontwin.reversetwin;

import io.neontwin.report.Hazard;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a migration's statements for what they risk on a live production database. Keywords are read from tokens, so
 * words inside strings, quoted identifiers and comments are never flagged; statements inside function bodies and DO
 * blocks are not read. Statements on a table the same migration created are not flagged: it is new, nothing uses it.
 */
public final class HazardDetector {
    private HazardDetector() {
    }

    /** The hazards in statement order, each statement's kinds in HazardKind's order, one hazard per kind. */
    public static List<Hazard> detect(Migration migration) {
        NewTables newTables = new NewTables();
        List<Hazard> hazards = new ArrayList<>();
        for (SqlStatement statement : migration.statements()) {
            StatementTokens tokens = StatementTokens.of(statement);
            for (HazardKind kind : kindsOf(tokens, newTables)) {
                hazards.add(new Hazard(migration.version().toString(), migration.file(), statement.firstLine(),
                        kind.code(), StatementExcerpt.of(statement.sql()), kind.risk(), kind.advice()));
            }
            newTables.record(tokens);
        }
        return List.copyOf(hazards);
    }

    private static Set<HazardKind> kindsOf(StatementTokens tokens, NewTables newTables) {
        Set<HazardKind> found = EnumSet.noneOf(HazardKind.class);
        IndexHazards.check(tokens, newTables, found);
        AlterTableHazards.check(tokens, newTables, found);
        DataLossHazards.check(tokens, newTables, found);
        MaintenanceHazards.check(tokens, newTables, found);
        return found;
    }
}
