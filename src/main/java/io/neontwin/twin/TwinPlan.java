package io.neontwin.twin;

import io.neontwin.report.ClientInfo;
import io.neontwin.report.DatabaseInfo;

import java.util.List;

/**
 * What preflight found and what the run will do, before any write. Printed by every run; all that --dry-run does.
 *
 * @param twinState   the twin target as found: "does not exist", "twin of this production (refreshed ...)", ...
 * @param tables      the tables to create, with production's estimates; largest first
 * @param extensions  production's extensions and whether the twin's server can install them
 * @param databaseSettings production's database-level settings ({@code ALTER DATABASE ... SET}) as stored, "name=value",
 *                    put on the twin database before the swap
 * @param execution   the work itself, keyed by oid: what the engine runs, step by step, and nothing else
 */
public record TwinPlan(DatabaseInfo production, DatabaseInfo twin, ClientInfo client, String twinState,
                       List<PlannedTable> tables, List<ExtensionCheck> extensions, List<String> databaseSettings,
                       List<String> warnings, ExecutionPlan execution) {

    /** @param filtered a rule's 'where' chooses the rows; @param masks masked column to transformer (docs/privacy.md) */
    public record PlannedTable(String schema, String name, long estimatedRows, long bytes, boolean copyData, int chunks,
                               boolean filtered, java.util.Map<String, String> masks) {
        public PlannedTable(String schema, String name, long estimatedRows, long bytes, boolean copyData, int chunks) {
            this(schema, name, estimatedRows, bytes, copyData, chunks, false, java.util.Map.of());
        }

        public String qualifiedName() {
            return schema + "." + name;
        }
    }

    /** @param dependents objects that need the extension and are skipped with it when it is unavailable */
    public record ExtensionCheck(String name, String version, boolean availableOnTwin, List<String> dependents) {
    }

    public long totalBytes() {
        return tables.stream().filter(PlannedTable::copyData).mapToLong(PlannedTable::bytes).sum();
    }

    public long totalEstimatedRows() {
        return tables.stream().filter(PlannedTable::copyData).mapToLong(PlannedTable::estimatedRows).sum();
    }
}
