package io.neontwin.reversetwin;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Timeouts are written as PostgreSQL writes them; anything else is refused with one sentence naming the input. */
class PgDurationTest {
    @ParameterizedTest(name = "{0} = {1} ms")
    @CsvSource({
            "500ms, 500",
            "5s, 5000",
            "2min, 120000",
            "1h, 3600000",
            "1d, 86400000",
            "250, 250",
            "'5 s', 5000",
            "' 15min ', 900000",
            "10S, 10000",
            "24d, 2073600000"})
    void readsPostgresUnitsAndTakesABareNumberAsMilliseconds(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), PgDuration.parse("--lock-timeout", text));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "  ", "five seconds", "5sec", "5m", "1.5s", "-5s", "5s5", "s", "5 minutes", "99999999999999s"})
    void refusesGarbageWithASentenceThatNamesTheInputAndAnExample(String text) {
        UserError error = assertThrows(UserError.class, () -> PgDuration.parse("--lock-timeout", text));
        assertEquals(ExitCode.INVALID_INPUT, error.exitCode());
        assertTrue(error.getMessage().startsWith("--lock-timeout is '" + text.strip() + "'; use "), error.getMessage());
        assertTrue(error.getMessage().endsWith("."), error.getMessage());
    }

    @Test
    void refusesZeroBecausePostgresWouldReadItAsNoLimit() {
        UserError error = assertThrows(UserError.class, () -> PgDuration.parse("Input 'statement-timeout'", "0"));
        assertEquals("Input 'statement-timeout' is '0'; use a positive duration such as 5s (zero would mean no limit at all on production).",
                error.getMessage());
        assertThrows(UserError.class, () -> PgDuration.parse("--lock-timeout", "0min"));
    }

    @Test
    void refusesMoreThanPostgresTimeoutsHold() {
        UserError error = assertThrows(UserError.class, () -> PgDuration.parse("--statement-timeout", "25d"));
        assertEquals("--statement-timeout is '25d'; use at most 24d, PostgreSQL's largest timeout, e.g. 1h.", error.getMessage());
    }

    @Test
    void writesMillisecondsForSetAndTheShortestExactFormForPeople() {
        assertEquals("5000ms", PgDuration.toPostgres(Duration.ofSeconds(5)));
        assertEquals("5s", PgDuration.format(Duration.ofSeconds(5)));
        assertEquals("15min", PgDuration.format(Duration.ofMinutes(15)));
        assertEquals("1500ms", PgDuration.format(Duration.ofMillis(1500)));
        assertEquals("2h", PgDuration.format(Duration.ofHours(2)));
        assertEquals("1d", PgDuration.format(Duration.ofDays(1)));
        assertEquals("90s", PgDuration.format(Duration.ofSeconds(90)));
    }
}
