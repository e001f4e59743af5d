package io.neontwin.twin;

import io.neontwin.errors.ExitCode;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every reader sees the same instant of production: while transactions keep writing one row to each of two tables,
 * the twin holds exactly the same transactions in both, though the tables were copied at different times.
 */
class SnapshotConsistencyTest {
    @Test
    void tablesCopiedAtDifferentTimesShowTheSameCommittedTransactions() throws Exception {
        TestServer production = PostgresServers.get(15);
        TestServer twin = PostgresServers.get(15, "twin");
        production.createDatabase("snap_prod");
        production.execute("snap_prod",
                "CREATE TABLE big_ledger (txn bigint, filler text)",
                "CREATE TABLE small_ledger (txn bigint)",
                "INSERT INTO big_ledger SELECT -g, repeat('x', 200) FROM generate_series(1, 600000) g");
        twin.dropDatabase("snap_twin");

        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong committed = new AtomicLong();
        Thread writer = new Thread(() -> {
            try (Connection connection = production.connect("snap_prod"); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                for (long txn = 1; writing.get(); txn++) {
                    statement.execute("INSERT INTO small_ledger VALUES (" + txn + ")");
                    statement.execute("INSERT INTO big_ledger VALUES (" + txn + ", 'w')");
                    connection.commit();
                    committed.set(txn);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        while (committed.get() < 50) {
            Thread.sleep(5);
        }
        TwinResult result = TwinFixtures.twin(TwinFixtures.options(production, "snap_prod", twin, "snap_twin").withJobs(2));
        long writtenDuringRun = committed.get();
        writing.set(false);
        writer.join();

        assertEquals(ExitCode.OK, result.exitCode(), () -> String.valueOf(result.report().failure()));
        long inSmall = twin.queryLong("snap_twin", "SELECT count(*) FROM small_ledger");
        long inBig = twin.queryLong("snap_twin", "SELECT count(*) FROM big_ledger WHERE txn > 0");
        assertEquals(inSmall, inBig, "both tables show the same transactions");
        assertEquals(inSmall, twin.queryLong("snap_twin", "SELECT max(txn) FROM small_ledger"), "and no gaps");
        assertTrue(inSmall < writtenDuringRun, "writes continued after the snapshot and are not in the twin ("
                + inSmall + " of " + writtenDuringRun + ")");
        production.dropDatabase("snap_prod");
    }
}
