package io.neontwin.init;

import java.util.List;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The five-field cron expressions GitHub's {@code schedule} accepts (numbers, {@code *}, ranges, lists and steps; UTC).
 * The page (site/generator.js) checks them by the same rules and also reads them back in words.
 */
public final class Cron {
    private record Field(String name, int min, int max) {
    }

    private static final List<Field> FIELDS = List.of(new Field("minute", 0, 59), new Field("hour", 0, 23),
            new Field("day of the month", 1, 31), new Field("month", 1, 12), new Field("day of the week", 0, 6));
    private static final Pattern ITEM = Pattern.compile("(\\*|(\\d+)(?:-(\\d+))?)(?:/(\\d+))?");

    private Cron() {
    }

    /** The expression with single spaces between its fields; a reason naming the field at fault otherwise. */
    public static String normalize(String text) {
        String[] fields = text.strip().split("\\s+");
        if (fields.length != FIELDS.size()) {
            throw new IllegalArgumentException("a cron expression has 5 fields (minute hour day-of-month month day-of-week), this one has " + fields.length);
        }
        for (int i = 0; i < fields.length; i++) {
            checkField(fields[i], FIELDS.get(i));
        }
        return String.join(" ", fields);
    }

    private static void checkField(String text, Field field) {
        for (String item : text.split(",", -1)) {
            Matcher matcher = ITEM.matcher(item);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("the " + field.name() + " field '" + text + "' is not a number, *, a range, a list or a step");
            }
            if (matcher.group(2) != null) {
                int from = Integer.parseInt(matcher.group(2));
                int to = matcher.group(3) == null ? from : Integer.parseInt(matcher.group(3));
                if (from < field.min() || to > field.max() || from > to) {
                    throw new IllegalArgumentException("the " + field.name() + " field '" + text + "' is outside " + field.min() + "-" + field.max());
                }
            }
            if (matcher.group(4) != null && Integer.parseInt(matcher.group(4)) == 0) {
                throw new IllegalArgumentException("the " + field.name() + " field '" + text + "' has a step of 0");
            }
        }
    }

    /**
     * Every day at a random minute between 01:00 and 05:59 UTC: GitHub delays or drops the most scheduled runs at the
     * top of the hour, midnight above all, and a night run leaves the day's work to a fresh twin.
     */
    public static String randomNight(RandomGenerator random) {
        return random.nextInt(1, 60) + " " + random.nextInt(1, 6) + " * * *";
    }
}
