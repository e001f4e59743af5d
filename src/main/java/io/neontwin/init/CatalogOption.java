package io.neontwin.init;

import io.neontwin.face.OptionTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One option of the workflow generator: either the shape of a workflow (schedule, runner, reverse twin...) or an
 * action input ({@code input} set), written under {@code with:} when it differs from the input's default.
 *
 * @param label      what the page's control is called
 * @param requires   the boolean option that must be on for this one to matter (the page hides it otherwise), or null
 * @param secretName for an option that makes the workflows read a repository secret when on: its name, else null
 * @param secretHelp what to put in that secret
 */
public record CatalogOption(String name, String label, OptionGroup group, OptionKind kind, String defaultValue, List<String> allowed,
                            String pattern, Integer min, Integer max, String help, String requires, OptionTable input,
                            String secretName, String secretHelp) {

    /** A default that is not a value: a fresh random night minute is drawn for each new configuration. */
    public static final String RANDOM_NIGHT = "random-night";

    private static final Pattern LIST_ITEM = Pattern.compile("[A-Za-z0-9_.*?$\"-]+");
    private static final int MAX_TEXT = 100;

    /** The value as the workflows use it (lists comma-joined, cron single-spaced); a reason when it is not allowed. */
    public String normalize(String raw) {
        String value = raw == null ? "" : raw.strip();
        return switch (kind) {
            case BOOLEAN, SECRET -> {
                String lower = value.toLowerCase(Locale.ROOT);
                if (!lower.equals("true") && !lower.equals("false")) {
                    throw new IllegalArgumentException("'" + value + "' is not true or false");
                }
                yield lower;
            }
            case CHOICE -> {
                if (!allowed.contains(value)) {
                    throw new IllegalArgumentException("'" + value + "' is not one of " + String.join(", ", allowed));
                }
                yield value;
            }
            case NUMBER -> {
                int number;
                try {
                    number = Integer.parseInt(value);
                } catch (NumberFormatException notANumber) {
                    throw new IllegalArgumentException("'" + value + "' is not a whole number");
                }
                if (number < min || number > max) {
                    throw new IllegalArgumentException(number + " is not between " + min + " and " + max);
                }
                yield String.valueOf(number);
            }
            case LIST -> normalizeList(value);
            case CRON -> Cron.normalize(value);
            case TEXT -> normalizeText(value);
        };
    }

    private String normalizeList(String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split("[,\\n]")) {
            String trimmed = item.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!LIST_ITEM.matcher(trimmed).matches()) {
                throw new IllegalArgumentException("'" + trimmed + "' is not a name or a pattern (letters, digits, _ . * ? $ - and double quotes)");
            }
            items.add(trimmed);
        }
        return String.join(",", items);
    }

    private String normalizeText(String value) {
        if (value.length() > MAX_TEXT || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("it must be one line of at most " + MAX_TEXT + " characters");
        }
        if (pattern != null) {
            if (!Pattern.compile(pattern).matcher(value).matches()) {
                throw new IllegalArgumentException("'" + value + "' is not allowed here (it must match " + pattern + ")");
            }
        } else if (value.isEmpty()) {
            throw new IllegalArgumentException("it must not be empty");
        }
        return value;
    }

    /** The secret this option makes the workflows read, when it is on. */
    public boolean readsSecret() {
        return secretName != null;
    }

    /** The name of the repository secret an action input that holds a credential is read from. */
    static String secretNameOf(OptionTable input) {
        return input.yamlName().toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
