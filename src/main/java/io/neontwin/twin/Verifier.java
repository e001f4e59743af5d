package io.neontwin.twin;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Checks the staging database before it is swapped in, so a difference keeps the previous twin. First, every table of
 * the plan must have had every range copied: the expected side is production's own count (each COPY's command tag
 * from the snapshot), which exists only for ranges that finished, never what happened to arrive. counts: rows in each
 * twin table equal that count. checksums: each table's row digest, recomputed from the twin's own COPY output, equals
 * the digest of what was read from production's snapshot.
 */
final class Verifier {
    record Checked(int tables, List<String> mismatches) {
    }

    private Verifier() {
    }

    static Checked verify(VerifyMode mode, int jobs, List<CopyTask> tasks, Map<Long, DataCopier.TableResult> results,
                          Supplier<Connection> staging) throws SQLException {
        if (mode == VerifyMode.NONE) {
            return new Checked(0, List.of());
        }
        List<CopyTask> wholeTables = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (CopyTask task : tasks) {
            if (seen.add(task.table().oid())) {
                wholeTables.add(new CopyTask(task.table(), task.columns(), 0, 1, -1, -1, false, TableTransform.IDENTITY));
            }
        }
        List<String> mismatches = Collections.synchronizedList(new ArrayList<>());
        ParallelSessions.run(jobs, wholeTables, staging, (connection, table) -> {
            DataCopier.TableResult expected = results.get(table.table().oid());
            int chunks = chunksOf(tasks, table.table().oid());
            int done = expected == null ? 0 : expected.chunksDone.get();
            if (done != chunks) {
                // production's row count for the table is only known once every range's COPY has finished
                mismatches.add(table.table().displayName() + ": " + done + " of " + chunks + " range(s) copied from production");
                return;
            }
            if (mode == VerifyMode.COUNTS) {
                long rows = count(connection, table);
                if (rows != expected.rows()) {
                    mismatches.add(table.table().displayName() + ": " + expected.rows() + " rows in production's snapshot, " + rows + " in the twin");
                }
            } else {
                RowHasher twin = digest(connection, table);
                if (twin.rows() != expected.hasher.rows() || twin.digest() != expected.hasher.digest()) {
                    mismatches.add(table.table().displayName() + ": content differs (" + expected.hasher.rows() + " rows read, "
                            + twin.rows() + " in the twin, checksums " + Long.toHexString(expected.hasher.digest()) + " vs "
                            + Long.toHexString(twin.digest()) + ")");
                }
            }
        });
        Collections.sort(mismatches);
        return new Checked(wholeTables.size(), List.copyOf(mismatches));
    }

    private static int chunksOf(List<CopyTask> tasks, long tableOid) {
        return tasks.stream().filter(t -> t.table().oid() == tableOid).findFirst().map(CopyTask::chunks).orElse(1);
    }

    private static long count(Connection connection, CopyTask table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM ONLY " + table.table().qualified())) {
            row.next();
            return row.getLong(1);
        }
    }

    private static RowHasher digest(Connection connection, CopyTask table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            SnapshotSession.prepareReader(statement);
        }
        RowHasher hasher = new RowHasher();
        CopyOut out = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(table.sourceSql());
        byte[] row;
        while ((row = out.readFromCopy()) != null) {
            hasher.add(row, row.length);
        }
        return hasher;
    }
}
