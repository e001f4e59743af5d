package io.neontwin.twin;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ANALYZE in batches: every table exactly once, no batch too big to share out, enough batches for every session. */
class FinishingTest {
    @Test
    void thousandsOfTablesGoInBatchesOfAtMostFiftyEachTableOnce() {
        List<String> tables = IntStream.range(0, 5003).mapToObj(i -> "public.t_" + i).toList();

        List<List<String>> batches = Finishing.analyzeBatches(2, tables);

        assertTrue(batches.stream().allMatch(batch -> batch.size() <= 50), "no batch holds more than 50 tables");
        List<String> analyzed = new ArrayList<>();
        batches.forEach(analyzed::addAll);
        assertEquals(tables.size(), analyzed.size());
        assertEquals(tables.stream().sorted().toList(), analyzed.stream().sorted().toList());
    }

    @Test
    void aFewLargeTablesAreSpreadSoEverySessionHasWork() {
        List<String> tables = List.of("public.events", "public.order_items", "public.orders", "public.users", "public.products");

        List<List<String>> batches = Finishing.analyzeBatches(2, tables);

        assertEquals(4, batches.size(), "two batches per session");
        assertEquals(List.of("public.events", "public.products"), batches.get(0), "dealt round robin, largest first");
    }
}
