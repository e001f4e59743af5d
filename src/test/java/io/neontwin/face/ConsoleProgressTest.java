package io.neontwin.face;

import io.neontwin.twin.DataProgress;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleProgressTest {
    private static final DataProgress HALF_WAY = new DataProgress(3, 8, 1_200_000, 500_000_000, 1_000_000_000, 10);

    @Test
    void aTerminalGetsOneLiveBarRedrawnInPlace() {
        StringWriter text = new StringWriter();
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text), true);
        progress.dataProgress(HALF_WAY);
        progress.dataProgress(HALF_WAY);

        String shown = text.toString();
        assertTrue(shown.startsWith("\r    [###############               ] 3/8 tables, 500.0 MB"), shown);
        assertEquals(2, shown.chars().filter(c -> c == '\r').count(), "redrawn, not a new line each time");
        assertTrue(shown.contains("50.0 MB/s, ETA 0:10"), shown);
    }

    @Test
    void aLogGetsAProgressLineEveryFewSecondsNotEveryTick() {
        StringWriter text = new StringWriter();
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text), false);
        progress.dataProgress(HALF_WAY);
        progress.dataProgress(HALF_WAY);

        assertEquals(1, text.toString().lines().count(), "the second tick within 5 s prints nothing");
        assertTrue(text.toString().startsWith("    data: 3/8 tables, 500.0 MB, 1,200,000 rows, 50.0 MB/s, ETA 0:10"), text.toString());
    }

    @Test
    void theLastTickIsAlwaysPrinted() {
        StringWriter text = new StringWriter();
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text), false);
        progress.dataProgress(HALF_WAY);
        progress.dataProgress(new DataProgress(8, 8, 2_000_000, 1_000_000_000, 1_000_000_000, 20));

        assertEquals(2, text.toString().lines().count());
    }

    @Test
    void whenEveryTableIsCopiedTheBarIsFullThoughWireBytesFellShortOfTheOnDiskEstimate() {
        StringWriter text = new StringWriter();
        new ConsoleProgress(new PrintWriter(text), true).dataProgress(new DataProgress(5, 5, 100, 800_000_000, 1_000_000_000, 8));

        assertTrue(text.toString().contains("[##############################] 5/5 tables"), text.toString());
        assertTrue(text.toString().contains("ETA 0:00"), text.toString());
    }
}
