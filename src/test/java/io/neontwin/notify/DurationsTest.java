package io.neontwin.notify;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DurationsTest {
    @Test
    void durationsReadLikePeopleWriteThem() {
        assertEquals("0.4s", Durations.human(0.42));
        assertEquals("9.9s", Durations.human(9.94));
        assertEquals("12s", Durations.human(12.3));
        assertEquals("1m 23s", Durations.human(83.2));
        assertEquals("59m 59s", Durations.human(3599.4));
        assertEquals("2h 05m", Durations.human(7500));
    }

    @Test
    void aMissingOrImpossibleDurationIsUnknownNotNaN() {
        assertEquals("unknown", Durations.human(Double.NaN));
        assertEquals("unknown", Durations.human(Double.POSITIVE_INFINITY));
        assertEquals("unknown", Durations.human(-1));
    }
}
