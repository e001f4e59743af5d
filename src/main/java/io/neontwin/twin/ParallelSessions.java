package io.neontwin.twin;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** Runs independent pieces of work over N connections of their own (ANALYZE per table, counts per table). */
final class ParallelSessions {
    interface Work<T> {
        void run(Connection connection, T item) throws SQLException;
    }

    private ParallelSessions() {
    }

    static <T> void run(int jobs, List<T> items, Supplier<Connection> connections, Work<T> work) throws SQLException {
        ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>(items);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < Math.max(1, Math.min(jobs, items.size())); i++) {
            Thread thread = new Thread(() -> {
                try (Connection connection = connections.get()) {
                    T item;
                    while (failure.get() == null && (item = queue.poll()) != null) {
                        work.run(connection, item);
                    }
                } catch (Throwable e) {
                    // Errors too: a piece of verification that dies quietly would let a short table pass.
                    failure.compareAndSet(null, e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        Throwable first = failure.get();
        if (first instanceof SQLException sql) {
            throw sql;
        }
        if (first instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (first instanceof OutOfMemoryError) {
            throw CopyFailures.outOfMemory("reading the twin's rows", first);
        }
        if (first != null) {
            throw new IllegalStateException(first.toString(), first);
        }
    }
}
