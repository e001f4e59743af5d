package io.neontwin.twin;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;

/**
 * Which post-data entry may start next, in time that grows with the entries and their dependencies rather than with
 * their square: each entry counts the dependencies it still waits for and becomes ready when the count reaches zero;
 * a ready entry that cannot take its tables' locks is parked on the table in the way and comes back when that table
 * is released. Lock rules: index builds on one table may run together; a constraint holds its tables alone; an entry
 * that locks no known table (trigger, comment, partition attachment) runs by itself, once nothing else is ready.
 */
final class RestoreSchedule {
    private final Map<Integer, List<ParallelRestore.Work>> dependents = new HashMap<>();
    private final Map<ParallelRestore.Work, Integer> waitingFor = new IdentityHashMap<>();
    /** Heaviest first (its tables' bytes), then script order, so that long index builds start early. */
    private final PriorityQueue<Ready> ready = new PriorityQueue<>(
            Comparator.comparingLong((Ready r) -> r.work().weight()).reversed().thenComparingInt(Ready::order));
    private final Queue<Ready> readyAlone = new ArrayDeque<>();
    private final Map<Long, List<Ready>> parked = new HashMap<>();
    private final Map<Long, Integer> sharedHolders = new HashMap<>();
    private final Set<Long> exclusive = new HashSet<>();
    private final Map<ParallelRestore.Work, Integer> order = new IdentityHashMap<>();
    private int unfinished;
    private int running;
    private boolean aloneRunning;

    private record Ready(ParallelRestore.Work work, int order) {
    }

    RestoreSchedule(List<ParallelRestore.Work> work) {
        Set<Integer> inScript = new HashSet<>();
        work.forEach(w -> inScript.add(w.statement().dumpId()));
        for (int i = 0; i < work.size(); i++) {
            ParallelRestore.Work item = work.get(i);
            order.put(item, i);
            // a dependency outside this script (a table, a function) is already in the twin
            Set<Integer> open = new LinkedHashSet<>();
            for (int dependency : item.statement().dependencies()) {
                if (inScript.contains(dependency) && dependency != item.statement().dumpId()) {
                    open.add(dependency);
                }
            }
            open.forEach(dependency -> dependents.computeIfAbsent(dependency, k -> new ArrayList<>()).add(item));
            waitingFor.put(item, open.size());
            if (open.isEmpty()) {
                makeReady(item);
            }
        }
        unfinished = work.size();
    }

    boolean allFinished() {
        return unfinished == 0;
    }

    int running() {
        return running;
    }

    /** An entry that may start now, its locks taken; null when none may (the caller waits for one to finish). */
    ParallelRestore.Work next() {
        if (aloneRunning) {
            return null;
        }
        Ready candidate;
        while ((candidate = ready.poll()) != null) {
            Long inTheWay = conflict(candidate.work());
            if (inTheWay == null) {
                lock(candidate.work());
                running++;
                return candidate.work();
            }
            parked.computeIfAbsent(inTheWay, k -> new ArrayList<>()).add(candidate);
        }
        if (running == 0 && !readyAlone.isEmpty()) {
            aloneRunning = true;
            running++;
            return readyAlone.poll().work();
        }
        return null;
    }

    void finished(ParallelRestore.Work work) {
        running--;
        unfinished--;
        if (work.alone()) {
            aloneRunning = false;
        }
        unlock(work);
        for (ParallelRestore.Work dependent : dependents.getOrDefault(work.statement().dumpId(), List.of())) {
            if (waitingFor.merge(dependent, -1, Integer::sum) == 0) {
                makeReady(dependent);
            }
        }
    }

    /** The dump ids of the entries that have not finished, for an error when nothing can start. */
    List<Integer> unfinishedIds() {
        List<Integer> ids = new ArrayList<>();
        waitingFor.forEach((work, count) -> {
            if (count > 0) {
                ids.add(work.statement().dumpId());
            }
        });
        ready.forEach(r -> ids.add(r.work().statement().dumpId()));
        readyAlone.forEach(r -> ids.add(r.work().statement().dumpId()));
        parked.values().forEach(list -> list.forEach(r -> ids.add(r.work().statement().dumpId())));
        ids.sort(Comparator.naturalOrder());
        return ids;
    }

    private void makeReady(ParallelRestore.Work work) {
        Ready item = new Ready(work, order.get(work));
        if (work.alone()) {
            readyAlone.add(item);
        } else {
            ready.add(item);
        }
    }

    private Long conflict(ParallelRestore.Work work) {
        for (long table : work.tables()) {
            if (exclusive.contains(table) || !work.shared() && sharedHolders.getOrDefault(table, 0) > 0) {
                return table;
            }
        }
        return null;
    }

    private void lock(ParallelRestore.Work work) {
        for (long table : work.tables()) {
            if (work.shared()) {
                sharedHolders.merge(table, 1, Integer::sum);
            } else {
                exclusive.add(table);
            }
        }
    }

    private void unlock(ParallelRestore.Work work) {
        for (long table : work.tables()) {
            if (work.shared()) {
                sharedHolders.merge(table, -1, Integer::sum);
            } else {
                exclusive.remove(table);
            }
            List<Ready> waiting = parked.remove(table);
            if (waiting != null) {
                ready.addAll(waiting);
            }
        }
    }
}
