package io.neontwin.twin;

import io.neontwin.connection.ConnectionSpec;
import io.neontwin.connection.Connector;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Streams table data from production's snapshot into the staging database over N parallel connection pairs:
 * COPY TO STDOUT on production, COPY FROM STDIN on the twin, bytes passed straight through in large writes. No file,
 * no compression, no decoding of rows (unless checksums are asked for, when each row is hashed on the way).
 */
final class DataCopier {
    private static final int WRITE_BUFFER_BYTES = 256 * 1024;
    private static final long PROGRESS_INTERVAL_MS = 1000;

    /** What the copy of one table achieved, added over its ranges. */
    static final class TableResult {
        final AtomicLong rows = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong nanos = new AtomicLong();
        final AtomicInteger chunksDone = new AtomicInteger();
        final RowHasher hasher = new RowHasher();

        long rows() {
            return rows.get();
        }

        long bytes() {
            return bytes.get();
        }

        double seconds() {
            return nanos.get() / 1e9;
        }
    }

    private final Connector connector;
    private final ConnectionSpec production;
    private final ConnectionSpec staging;
    private final String snapshotId;
    private final int jobs;
    private final boolean hashRows;
    private final ProgressListener listener;

    private final Map<Long, TableResult> results = new ConcurrentHashMap<>();
    private final AtomicLong rowsDone = new AtomicLong();
    private final AtomicLong bytesDone = new AtomicLong();
    private final AtomicInteger tablesDone = new AtomicInteger();
    private final AtomicReference<RuntimeException> firstFailure = new AtomicReference<>();
    private final List<Connection> open = new CopyOnWriteArrayList<>();

    DataCopier(Connector connector, ConnectionSpec production, ConnectionSpec staging, String snapshotId, int jobs,
               boolean hashRows, ProgressListener listener) {
        this.connector = connector;
        this.production = production.withParameter("application_name", "neon-twin copy");
        this.staging = staging.withParameter("application_name", "neon-twin copy");
        this.snapshotId = snapshotId;
        this.jobs = jobs;
        this.hashRows = hashRows;
        this.listener = listener;
    }

    Map<Long, TableResult> copy(List<CopyTask> tasks, long expectedBytes) {
        long tableCount = tasks.stream().map(t -> t.table().oid()).distinct().count();
        tasks.forEach(task -> results.computeIfAbsent(task.table().oid(), oid -> new TableResult()));
        ConcurrentLinkedQueue<CopyTask> queue = new ConcurrentLinkedQueue<>(tasks);
        long started = System.nanoTime();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "copy-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(() -> report((int) tableCount, expectedBytes, started), PROGRESS_INTERVAL_MS,
                PROGRESS_INTERVAL_MS, TimeUnit.MILLISECONDS);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < Math.min(jobs, Math.max(1, tasks.size())); i++) {
            Thread worker = new Thread(() -> work(queue), "copy-" + i);
            workers.add(worker);
            worker.start();
        }
        try {
            for (Thread worker : workers) {
                worker.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abortAll();
            throw new IllegalStateException("interrupted during the data copy", e);
        } finally {
            ticker.shutdownNow();
        }
        if (firstFailure.get() != null) {
            throw firstFailure.get();
        }
        report((int) tableCount, expectedBytes, started);
        return results;
    }

    private void report(int tableCount, long expectedBytes, long started) {
        listener.dataProgress(new DataProgress(tablesDone.get(), tableCount, rowsDone.get(), bytesDone.get(), expectedBytes,
                (System.nanoTime() - started) / 1e9));
    }

    private void work(ConcurrentLinkedQueue<CopyTask> queue) {
        Connection source = null;
        Connection target = null;
        CopyTask task = null;
        try {
            source = connector.open(production);
            open.add(source);
            target = connector.open(staging);
            open.add(target);
            prepare(source, target);
            while (firstFailure.get() == null && (task = queue.poll()) != null) {
                copyOne(task, source, target);
            }
        } catch (Throwable failure) {
            // Any throwable, OutOfMemoryError included: a worker that dies quietly leaves its tables short.
            if (firstFailure.compareAndSet(null, CopyFailures.explain(task, failure))) {
                abortAll();
                if (failure instanceof OutOfMemoryError && task != null) {
                    firstFailure.set(CopyFailures.outOfMemory("copying " + task.describe(), measureLargestValue(task), failure));
                }
            }
        } finally {
            close(source);
            close(target);
        }
    }

    /** Best effort, once the copy has stopped: the row that did not fit has been let go, so there is heap again. */
    private Optional<LargestValue.Found> measureLargestValue(CopyTask task) {
        try (Connection connection = connector.open(production)) {
            try (Statement statement = connection.createStatement()) {
                SnapshotSession.prepareReader(statement);
            }
            return LargestValue.in(connection, task.table(), LargestValue.Sizing.AS_TEXT);
        } catch (Throwable measuringFailed) {
            return Optional.empty();
        }
    }

    private void prepare(Connection source, Connection target) throws SQLException {
        try (Statement statement = source.createStatement()) {
            SnapshotSession.prepareReader(statement);
        }
        try (Statement statement = target.createStatement()) {
            // The staging database is thrown away on failure: no need to wait for each commit to be durable.
            statement.execute("SET synchronous_commit = off");
            statement.execute("SET statement_timeout = 0");
        }
    }

    private void copyOne(CopyTask task, Connection source, Connection target) {
        TableResult result = results.get(task.table().oid());
        RowHasher hasher = hashRows ? new RowHasher() : null;
        // Masked tables only: every other table's bytes pass through untouched, as before.
        RowMasker masker = task.transform().masking().orElse(null);
        long started = System.nanoTime();
        long rows;
        long bytes = 0;
        try (Statement statement = source.createStatement()) {
            statement.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
            statement.execute("SET TRANSACTION SNAPSHOT '" + snapshotId + "'");
        } catch (SQLException e) {
            throw CopyFailures.explain(task, "production", e);
        }
        CopyOut out;
        try {
            out = source.unwrap(PGConnection.class).getCopyAPI().copyOut(task.sourceSql());
        } catch (SQLException e) {
            throw CopyFailures.explain(task, "production", e);
        }
        CopyIn in;
        try {
            in = target.unwrap(PGConnection.class).getCopyAPI().copyIn(task.targetSql());
        } catch (SQLException e) {
            cancel(out);
            throw CopyFailures.explain(task, "the twin", e);
        }
        byte[] buffer = new byte[WRITE_BUFFER_BYTES];
        int filled = 0;
        long unreportedBytes = 0;
        String side = "production";
        try {
            byte[] row;
            while ((row = out.readFromCopy()) != null) {
                if (masker != null) {
                    row = masker.mask(row);
                }
                if (hasher != null) {
                    hasher.add(row, row.length);
                }
                bytes += row.length;
                side = "the twin";
                if (row.length > buffer.length - filled) {
                    in.writeToCopy(buffer, 0, filled);
                    filled = 0;
                    bytesDone.addAndGet(unreportedBytes);
                    unreportedBytes = 0;
                }
                if (row.length > buffer.length) {
                    in.writeToCopy(row, 0, row.length);
                } else {
                    System.arraycopy(row, 0, buffer, filled, row.length);
                    filled += row.length;
                }
                unreportedBytes += row.length;
                side = "production";
            }
            rows = out.getHandledRowCount();
            side = "the twin";
            if (filled > 0) {
                in.writeToCopy(buffer, 0, filled);
            }
            long written = in.endCopy();
            if (written != rows) {
                throw new UserError(ExitCode.VERIFY_FAILED, "The twin accepted " + written + " rows of " + task.describe()
                        + " but production sent " + rows + "; the previous twin is kept.");
            }
            bytesDone.addAndGet(unreportedBytes);
            side = "production";
            // Still inside the COPY's transaction, which holds its lock: nothing can change the table from here on.
            ProductionChanges.refuseRewrittenSinceSnapshot(source, task);
            try (Statement statement = source.createStatement()) {
                statement.execute("COMMIT");
            }
        } catch (SQLException e) {
            cancel(in);
            throw CopyFailures.explain(task, side, e);
        }
        rowsDone.addAndGet(rows);
        result.rows.addAndGet(rows);
        result.bytes.addAndGet(bytes);
        result.nanos.addAndGet(System.nanoTime() - started);
        if (hasher != null) {
            synchronized (result.hasher) {
                result.hasher.merge(hasher);
            }
        }
        if (result.chunksDone.incrementAndGet() == task.chunks()) {
            tablesDone.incrementAndGet();
        }
    }

    private static void cancel(CopyOut out) {
        try {
            out.cancelCopy();
        } catch (SQLException ignored) {
            // the stream is being abandoned
        }
    }

    private static void cancel(CopyIn in) {
        try {
            if (in.isActive()) {
                in.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the stream is being abandoned
        }
    }

    /** One stream failed: stop the others now rather than let them finish work that will be thrown away. */
    private void abortAll() {
        for (Connection connection : open) {
            close(connection);
        }
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing is all that is left to do
            }
        }
    }
}
