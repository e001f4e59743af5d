package io.neontwin.twin;

import io.neontwin.run.ServerErrors;
import io.neontwin.errors.ErrorText;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Types, functions, tables and views: the schema the data goes into, over N sessions in dependency order. On a
 * schema of thousands of tables this section is most of a twin's time, and pg_restore -j runs it in one stream.
 */
final class PreDataRestore {
    private static final String HEAP = "SET default_table_access_method = heap;";

    private PreDataRestore() {
    }

    /**
     * pg_restore sets a setting such as default_table_access_method only where it changes in the script's order, so
     * an entry relies on the ones before it in the same session: such a script runs in one session, in order.
     */
    static boolean changesSessionSettings(RestoreScript script) {
        for (RestoreScript.Statement statement : script.statements()) {
            for (String line : statement.sql().split("\n")) {
                if ((line.startsWith("SET ") || line.startsWith("SELECT pg_catalog.set_config(")) && !HEAP.equals(line)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Runs the plan's pre-data script: the SQL it was handed, in the dependency order of the kept entries. */
    static void run(RestoreScript script, Map<Integer, TocEntry> entriesById, int jobs, Supplier<Connection> staging,
                    int productionMajor, int twinMajor) throws SQLException {
        try {
            ParallelRestore.preData(script, entriesById).run(changesSessionSettings(script) ? 1 : jobs, staging);
        } catch (UserError failed) {
            if (failed.getCause() instanceof SQLException sql && (ServerErrors.isConnectionLoss(sql) || ServerErrors.isDiskFull(sql))) {
                throw failed; // already the sentence for a lost session or a full disk: run again, or free space
            }
            String hint = twinMajor < productionMajor
                    ? " (production runs PostgreSQL " + productionMajor + ", the twin's server " + twinMajor
                    + ": use a twin server of version " + productionMajor + " or newer)"
                    : "";
            String reason = failed.getCause() instanceof SQLException sql ? ErrorText.firstLine(sql) : failed.getMessage();
            throw new UserError(ExitCode.COPY_FAILED, "Creating production's schema in the twin failed: "
                    + reason + hint + "; the previous twin is kept.", failed.getCause());
        }
    }
}
