package io.neontwin.diff;

import io.neontwin.report.Hazard;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements that make one schema match another, in the order they must run.
 *
 * @param notes what the statements cannot make equal, one sentence each (a column's place in its table)
 */
public record SchemaDiff(List<DiffStatement> statements, List<String> notes) {
    public SchemaDiff {
        statements = List.copyOf(statements);
        notes = List.copyOf(notes);
    }

    public SchemaDiff(List<DiffStatement> statements) {
        this(statements, List.of());
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }

    /**
     * The statements as they can be run: consecutive ones that may share a transaction together, each one that
     * must run outside a transaction on its own, in order.
     */
    public List<List<DiffStatement>> runs() {
        List<List<DiffStatement>> runs = new ArrayList<>();
        List<DiffStatement> current = new ArrayList<>();
        for (DiffStatement statement : statements) {
            if (statement.transactional()) {
                current.add(statement);
                continue;
            }
            if (!current.isEmpty()) {
                runs.add(List.copyOf(current));
                current.clear();
            }
            runs.add(List.of(statement));
        }
        if (!current.isEmpty()) {
            runs.add(List.copyOf(current));
        }
        return List.copyOf(runs);
    }

    public List<Hazard> hazards() {
        return statements.stream().flatMap(statement -> statement.hazards().stream()).toList();
    }

    /**
     * The migration as a file: each statement with its hazards and, for one that must run outside a transaction,
     * a line saying so, as comments; the reverse twin runs such a file statement by statement.
     *
     * @param header first comment line(s), without "-- "
     */
    public String script(String header) {
        StringBuilder text = new StringBuilder();
        header.lines().forEach(line -> text.append("-- ").append(line).append('\n'));
        if (isEmpty()) {
            return text.append("-- No differences: nothing to do.\n").toString();
        }
        long alone = statements.stream().filter(statement -> !statement.transactional()).count();
        text.append("-- ").append(statements.size()).append(statements.size() == 1 ? " statement" : " statements");
        if (alone > 0) {
            text.append("; ").append(alone).append(" must run outside a transaction (marked)");
        }
        text.append(".\n");
        notes.forEach(note -> text.append("-- note: ").append(note).append('\n'));
        for (DiffStatement statement : statements) {
            text.append('\n');
            for (Hazard hazard : statement.hazards()) {
                text.append("-- hazard ").append(hazard.kind()).append(": ").append(hazard.risk()).append('\n');
            }
            if (!statement.transactional()) {
                text.append("-- outside a transaction\n");
            }
            text.append(statement.sql()).append('\n');
        }
        return text.toString();
    }
}
