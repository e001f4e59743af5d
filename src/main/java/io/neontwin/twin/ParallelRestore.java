package io.neontwin.twin;

import io.neontwin.run.Phase;
import io.neontwin.errors.UserError;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

/**
 * A section of the schema restored over N connections. Pre-data (types, functions, tables, views): an entry starts
 * once the entries it depends on are done, nothing else holds it back, where pg_restore -j runs this section in one
 * stream. Post-data (indexes, constraints, triggers), the way pg_restore -j does: index builds share their table; a
 * constraint holds its table (and a foreign key the table it references) alone, so no two statements can deadlock;
 * anything else (triggers, comments, partition index attachments) runs by itself. {@link RestoreSchedule} decides.
 */
final class ParallelRestore {
    /** How an entry locks: the tables it needs, and whether it may share them with other index builds. */
    record Work(RestoreScript.Statement statement, TocEntry entry, Set<Long> tables, boolean shared, boolean alone, long weight) {
    }

    private static final String DEADLOCK_DETECTED = "40P01";
    private static final int DEADLOCK_ATTEMPTS = 3;

    private final Phase phase;
    private final List<Work> work;
    private final List<String> preamble;

    private ParallelRestore(Phase phase, List<String> preamble, List<Work> work) {
        this.phase = phase;
        this.preamble = preamble;
        this.work = work;
    }

    /** Pre-data: dependencies only; each entry is its own transaction, as the staging database is dropped on failure. */
    static ParallelRestore preData(RestoreScript script, Map<Integer, TocEntry> entriesById) {
        List<Work> items = new ArrayList<>();
        for (RestoreScript.Statement statement : script.statements()) {
            items.add(new Work(statement, entriesById.get(statement.dumpId()), Set.of(), true, false, 0));
        }
        return new ParallelRestore(Phase.SCHEMA, script.preamble(), items);
    }

    static ParallelRestore postData(RestoreScript script, Map<Integer, TocEntry> entriesById, Map<Long, List<Long>> tablesByObject,
                                    Map<Long, Long> tableBytes) {
        List<Work> items = new ArrayList<>();
        for (RestoreScript.Statement statement : script.statements()) {
            TocEntry entry = entriesById.get(statement.dumpId());
            DumpEntryKind kind = entry == null ? DumpEntryKind.OTHER : entry.kind();
            List<Long> tables = entry == null ? null : tablesByObject.get(entry.oid());
            boolean lockable = tables != null && kind.locksItsTable();
            Set<Long> locked = new HashSet<>();
            long weight = 0;
            if (lockable) {
                for (long table : tables) {
                    if (table != 0) {
                        locked.add(table);
                        weight += tableBytes.getOrDefault(table, 0L);
                    }
                }
            }
            items.add(new Work(statement, entry, locked, kind == DumpEntryKind.INDEX, !lockable, weight));
        }
        return new ParallelRestore(Phase.POST_DATA, script.preamble(), items);
    }

    int size() {
        return work.size();
    }

    /** Runs every statement; connections come from the supplier, one per worker, and are closed at the end. */
    void run(int jobs, Supplier<Connection> connections) throws SQLException {
        if (work.isEmpty()) {
            return;
        }
        RestoreSchedule schedule = new RestoreSchedule(work);
        int workers = Math.max(1, Math.min(jobs, work.size()));
        BlockingQueue<Connection> pool = new LinkedBlockingQueue<>();
        ExecutorService executor = Executors.newFixedThreadPool(workers);
        try {
            for (int i = 0; i < workers; i++) {
                Connection connection = connections.get();
                applyPreamble(connection);
                pool.add(connection);
            }
            CompletionService<Work> completion = new ExecutorCompletionService<>(executor);
            while (!schedule.allFinished()) {
                Work next;
                while (schedule.running() < workers && (next = schedule.next()) != null) {
                    Work started = next;
                    completion.submit(() -> execute(started, pool));
                }
                if (schedule.running() == 0) {
                    throw new IllegalStateException("post-data entries wait on each other: " + schedule.unfinishedIds());
                }
                schedule.finished(take(completion));
            }
        } finally {
            executor.shutdownNow();
            for (Connection connection : pool) {
                connection.close();
            }
        }
    }

    private static Work take(CompletionService<Work> completion) throws SQLException {
        try {
            return completion.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UserError userError) {
                throw userError;
            }
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private Work execute(Work work, BlockingQueue<Connection> pool) throws InterruptedException {
        Connection connection = pool.take();
        try {
            for (int attempt = 1; ; attempt++) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(work.statement().sql());
                    return work;
                } catch (SQLException failure) {
                    // PostgreSQL rolled the entry back whole (one implicit transaction) and let the other session go on
                    if (!DEADLOCK_DETECTED.equals(failure.getSQLState()) || attempt == DEADLOCK_ATTEMPTS) {
                        throw failed(work, failure);
                    }
                }
            }
        } finally {
            pool.add(connection);
        }
    }

    /** A lost session or a full disk says so (run again, free space); any other error names the entry. */
    private UserError failed(Work work, SQLException failure) {
        String what = work.entry() == null ? "entry " + work.statement().dumpId() : work.entry().desc().toLowerCase(java.util.Locale.ROOT)
                + " " + work.entry().label();
        return TwinFailures.CLASSIFIER.explain(failure, phase, "building " + what);
    }

    private void applyPreamble(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String line : preamble) {
                statement.execute(line);
            }
        }
    }
}
