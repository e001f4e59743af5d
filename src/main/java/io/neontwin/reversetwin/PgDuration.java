package io.neontwin.reversetwin;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written as PostgreSQL writes them for lock_timeout and statement_timeout: a whole number and a unit
 * ({@code 500ms}, {@code 5s}, {@code 2min}, {@code 1h}, {@code 1d}), a space between them allowed; a bare number is
 * milliseconds, as in PostgreSQL. Zero (which PostgreSQL reads as "no timeout") and negative values are refused:
 * a reverse-twin run never waits on production without a limit.
 */
public final class PgDuration {
    private static final Pattern FORM = Pattern.compile("(\\d{1,12})\\s*(ms|s|min|h|d)?");
    /** PostgreSQL's timeouts are int milliseconds: about 24.8 days at most. */
    private static final long MAX_MILLIS = Integer.MAX_VALUE;

    private PgDuration() {
    }

    /**
     * @param inputName how the user wrote the setting, for the error sentence: {@code --lock-timeout}, or
     *                  {@code Input 'lock-timeout'} in the GitHub Action
     * @throws UserError (exit code 3) naming the input and an example, for anything but a positive duration
     */
    public static Duration parse(String inputName, String text) {
        String value = text == null ? "" : text.strip();
        Matcher matcher = FORM.matcher(value.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw refused(inputName, text, "use a duration such as 500ms, 5s, 2min or 1h (a bare number is milliseconds).");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "ms" : matcher.group(2);
        Duration duration = switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "min" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        if (duration.isZero()) {
            throw refused(inputName, text, "use a positive duration such as 5s (zero would mean no limit at all on production).");
        }
        if (duration.toMillis() > MAX_MILLIS) {
            throw refused(inputName, text, "use at most 24d, PostgreSQL's largest timeout, e.g. 1h.");
        }
        return duration;
    }

    /** The value for {@code SET lock_timeout = '...'}: whole milliseconds with their unit, e.g. {@code 5000ms}. */
    public static String toPostgres(Duration duration) {
        return duration.toMillis() + "ms";
    }

    /** The shortest exact form for people: {@code 5s}, {@code 15min}, {@code 1500ms}, {@code 2h}, {@code 1d}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 86_400_000L == 0) {
            return millis / 86_400_000L + "d";
        }
        if (millis % 3_600_000L == 0) {
            return millis / 3_600_000L + "h";
        }
        if (millis % 60_000L == 0) {
            return millis / 60_000L + "min";
        }
        if (millis % 1000L == 0) {
            return millis / 1000L + "s";
        }
        return millis + "ms";
    }

    private static UserError refused(String inputName, String text, String fix) {
        return new UserError(ExitCode.INVALID_INPUT, inputName + " is '" + (text == null ? "" : text.strip()) + "'; " + fix);
    }
}
