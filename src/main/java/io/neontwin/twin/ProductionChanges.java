package io.neontwin.twin;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Production DDL the snapshot cannot see through. TRUNCATE and rewriting ALTER TABLE (and CLUSTER, VACUUM FULL) give a
 * table a new file; a snapshot older than that change reads the new file, which holds none of the rows it should see.
 * The twin does not lock tables for the whole run to prevent this (production DDL, and everything queued behind it,
 * would wait for the copy); instead each COPY, while its transaction still holds the table's lock, compares the file
 * the snapshot's catalog names with the file the table has now, and refuses a copy read from another.
 */
final class ProductionChanges {
    private ProductionChanges() {
    }

    /** Run in the COPY's transaction, after the COPY: its lock keeps the table's file from changing under the check. */
    static void refuseRewrittenSinceSnapshot(Connection source, CopyTask task) throws SQLException {
        // pg_class read by SELECT is the snapshot's row; pg_relation_filenode() reads the catalog as it is now.
        try (Statement statement = source.createStatement();
             ResultSet row = statement.executeQuery("SELECT c.relfilenode IS DISTINCT FROM pg_catalog.pg_relation_filenode(c.oid) "
                     + "FROM pg_catalog.pg_class c WHERE c.oid = " + task.table().oid())) {
            if (!row.next() || row.getBoolean(1)) {
                throw new UserError(ExitCode.COPY_FAILED, "Production's " + task.table().displayName()
                        + " was truncated or rewritten (TRUNCATE, ALTER TABLE ... TYPE, CLUSTER or VACUUM FULL) while the twin"
                        + " was being made, so its snapshot no longer holds the table's rows; run again (the previous twin is kept).");
            }
        }
    }
}
