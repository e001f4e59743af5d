package io.neontwin.twin;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The post-data scheduler, driven as ParallelRestore drives it, with entries finishing in random order: every entry
 * runs exactly once, after the entries it depends on, within the lock rules, and the run never stalls.
 */
class RestoreScheduleTest {
    private static final int WORKERS = 4;

    @Test
    void aSchemaOfManyTablesRunsInDependencyOrderWithinTheLockRulesAndNeverStalls() {
        for (long seed = 1; seed <= 20; seed++) {
            runToTheEnd(manyTables(40), new Random(seed));
        }
    }

    @Test
    void anEntryThatLocksNoTableRunsAloneOnceNothingElseIsReady() {
        ParallelRestore.Work index = work(1, List.of(), Set.of(10L), true, false);
        ParallelRestore.Work trigger = work(2, List.of(), Set.of(), false, true);
        ParallelRestore.Work constraint = work(3, List.of(), Set.of(11L), false, false);
        RestoreSchedule schedule = new RestoreSchedule(List.of(index, trigger, constraint));

        Set<ParallelRestore.Work> started = new HashSet<>();
        started.add(schedule.next());
        started.add(schedule.next());
        assertEquals(Set.of(index, constraint), started, "the table entries start first");
        assertNull(schedule.next(), "the trigger waits while anything runs");
        schedule.finished(index);
        assertNull(schedule.next());
        schedule.finished(constraint);
        assertEquals(trigger, schedule.next());
        schedule.finished(trigger);
        assertTrue(schedule.allFinished());
    }

    @Test
    void aConstraintWaitsForTheIndexBuildsOnItsTableAndStartsWhenTheyEnd() {
        ParallelRestore.Work first = work(1, List.of(), Set.of(10L), true, false);
        ParallelRestore.Work second = work(2, List.of(), Set.of(10L), true, false);
        ParallelRestore.Work foreignKey = work(3, List.of(), Set.of(10L, 11L), false, false);
        RestoreSchedule schedule = new RestoreSchedule(List.of(first, second, foreignKey));

        assertEquals(first, schedule.next());
        assertEquals(second, schedule.next(), "index builds on one table run together");
        assertNull(schedule.next(), "the foreign key needs its tables alone");
        schedule.finished(first);
        assertNull(schedule.next());
        schedule.finished(second);
        assertEquals(foreignKey, schedule.next());
    }

    @Test
    void entriesThatWaitOnEachOtherAreNamed() {
        RestoreSchedule schedule = new RestoreSchedule(List.of(
                work(1, List.of(2), Set.of(10L), true, false), work(2, List.of(1), Set.of(11L), true, false)));

        assertNull(schedule.next());
        assertEquals(0, schedule.running());
        assertFalse(schedule.allFinished());
        assertEquals(List.of(1, 2), schedule.unfinishedIds());
    }

    /** Per table: a primary key, three index builds, a foreign key to the table before it (and to the first), a trigger. */
    private static List<ParallelRestore.Work> manyTables(int tables) {
        List<ParallelRestore.Work> work = new ArrayList<>();
        int id = 1000;
        Map<Long, Integer> primaryKeys = new HashMap<>();
        for (long table = 1; table <= tables; table++) {
            int primaryKey = id++;
            primaryKeys.put(table, primaryKey);
            work.add(work(primaryKey, List.of(), Set.of(table), false, false));
            for (int i = 0; i < 3; i++) {
                work.add(work(id++, List.of(), Set.of(table), true, false));
            }
        }
        for (long table = 1; table <= tables; table++) {
            long parent = Math.max(1, table - 1);
            work.add(work(id++, List.of(primaryKeys.get(table), primaryKeys.get(parent), 7), new HashSet<>(List.of(table, parent)), false, false));
            work.add(work(id++, List.of(primaryKeys.get(table), primaryKeys.get(1L)), new HashSet<>(List.of(table, 1L)), false, false));
            work.add(work(id++, List.of(primaryKeys.get(table)), Set.of(), false, true));
        }
        java.util.Collections.shuffle(work, new Random(tables)); // the dump's order is no help
        return work;
    }

    private static void runToTheEnd(List<ParallelRestore.Work> work, Random random) {
        Set<Integer> ids = new HashSet<>();
        work.forEach(w -> ids.add(w.statement().dumpId()));
        RestoreSchedule schedule = new RestoreSchedule(work);
        Set<Integer> finished = new HashSet<>();
        List<ParallelRestore.Work> running = new ArrayList<>();
        while (!schedule.allFinished()) {
            ParallelRestore.Work started;
            while (running.size() < WORKERS && (started = schedule.next()) != null) {
                ParallelRestore.Work next = started;
                for (int dependency : next.statement().dependencies()) {
                    assertTrue(!ids.contains(dependency) || finished.contains(dependency),
                            () -> "entry started before its dependency: " + next);
                }
                assertLocksAllow(running, next);
                running.add(next);
            }
            assertFalse(running.isEmpty(), () -> "stalled with " + schedule.unfinishedIds());
            assertEquals(running.size(), schedule.running());
            ParallelRestore.Work done = running.remove(random.nextInt(running.size()));
            schedule.finished(done);
            assertTrue(finished.add(done.statement().dumpId()), "each entry runs once");
        }
        assertEquals(ids, finished);
    }

    private static void assertLocksAllow(List<ParallelRestore.Work> running, ParallelRestore.Work next) {
        for (ParallelRestore.Work other : running) {
            assertFalse(next.alone() || other.alone(), "an entry without a table runs by itself");
            boolean sameTable = other.tables().stream().anyMatch(next.tables()::contains);
            assertTrue(!sameTable || next.shared() && other.shared(),
                    () -> "only index builds share a table: " + next + " with " + other);
        }
    }

    private static ParallelRestore.Work work(int dumpId, List<Integer> dependencies, Set<Long> tables, boolean shared, boolean alone) {
        return new ParallelRestore.Work(new RestoreScript.Statement(dumpId, dependencies, "-- " + dumpId), null, tables, shared, alone, 0);
    }
}
