package io.neontwin.twin;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CopyPlannerTest {
    private static ProductionCatalog.Relation table(long oid, String name, long bytes) {
        return new ProductionCatalog.Relation(oid, "public", name, 'r', false, bytes / 100, bytes / 8192, bytes, true);
    }

    @Test
    void largeTablesAreSplitIntoPageRangesThatCoverTheWholeTable() {
        long gigabyte = 1L << 30;
        List<CopyTask> tasks = CopyPlanner.plan(List.of(table(1, "events", gigabyte), table(2, "users", 10L << 20)),
                Map.of(), 2, true, false);

        List<CopyTask> events = tasks.stream().filter(t -> t.table().oid() == 1).toList();
        assertTrue(events.size() > 1, "a table far above a fair share per stream is split");
        assertEquals(0, events.stream().mapToLong(CopyTask::firstPage).min().orElseThrow());
        assertEquals(1, events.stream().filter(t -> t.endPage() < 0).count(), "exactly one range is open-ended");
        long covered = events.stream().filter(t -> t.endPage() >= 0).mapToLong(t -> t.endPage() - t.firstPage()).sum();
        long openStart = events.stream().filter(t -> t.endPage() < 0).findFirst().orElseThrow().firstPage();
        assertEquals(openStart, covered, "ranges are contiguous up to the open-ended last one");
        assertTrue(events.get(0).sourceSql().contains("ctid >= '(0,0)'::tid"));
        assertEquals(1, tasks.stream().filter(t -> t.table().oid() == 2).count());
    }

    @Test
    void withoutTidRangeScansTablesAreReadWholeAndLargestFirst() {
        List<CopyTask> tasks = CopyPlanner.plan(List.of(table(2, "small", 1 << 20), table(1, "big", 1L << 32)),
                Map.of(), 4, false, false);

        assertEquals(List.of("big", "small"), tasks.stream().map(t -> t.table().name()).toList());
        assertTrue(tasks.get(0).wholeTable());
        assertTrue(tasks.get(0).sourceSql().startsWith("COPY \"public\".\"big\""));
    }
}
