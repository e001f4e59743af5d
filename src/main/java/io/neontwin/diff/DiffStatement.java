package io.neontwin.diff;

import io.neontwin.report.Hazard;

import java.util.List;

/**
 * One statement of the migration the diff writes.
 *
 * @param sql           the statement, ending with a semicolon
 * @param transactional false when it must run on its own, outside a transaction block (CREATE INDEX CONCURRENTLY,
 *                      ALTER TYPE ... ADD VALUE whose value a later statement may use)
 * @param hazards       what it risks on a live database, as the reverse twin's hazard detector reads it
 */
public record DiffStatement(String sql, boolean transactional, List<Hazard> hazards) {
    public DiffStatement {
        hazards = List.copyOf(hazards);
    }
}
