package io.neontwin.reversetwin;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * A migration's version, compared part by part as numbers: 1 &lt; 1.1 &lt; 1.2 &lt; 2 &lt; 10. Parts are separated by '.'
 * or '_' in the file name (V1_2__x.sql is version 1.2, as Flyway reads it); leading zeros do not count (001 = 1).
 */
public record MigrationVersion(List<BigInteger> parts) implements Comparable<MigrationVersion> {

    public MigrationVersion {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a version has at least one part");
        }
    }

    /** Parses "12", "1.2", "1_2", "20241124.1"; throws IllegalArgumentException on anything else. */
    public static MigrationVersion parse(String text) {
        if (text == null || !text.matches("\\d+([._]\\d+)*")) {
            throw new IllegalArgumentException("not a version: " + text);
        }
        return new MigrationVersion(Arrays.stream(text.split("[._]")).map(BigInteger::new).toList());
    }

    /**
     * An optional version typed by a user (--baseline-version, input baseline-version), as file names carry it:
     * the text stripped, or null when none was given.
     *
     * @param inputName how the faces name the input in the error sentence, e.g. "--baseline-version"
     */
    public static String optionalInput(String inputName, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            parse(text.strip());
            return text.strip();
        } catch (IllegalArgumentException notAVersion) {
            throw new UserError(ExitCode.INVALID_INPUT, inputName + " is '" + text.strip()
                    + "'; use a migration version as file names carry it, e.g. 12 for V12__add_index.sql.");
        }
    }

    @Override
    public int compareTo(MigrationVersion other) {
        int common = Math.min(parts.size(), other.parts.size());
        for (int i = 0; i < common; i++) {
            int byPart = parts.get(i).compareTo(other.parts.get(i));
            if (byPart != 0) {
                return byPart;
            }
        }
        // 1.0 and 1 are the same version: trailing zero parts do not count
        List<BigInteger> longer = parts.size() > other.parts.size() ? parts : other.parts;
        for (int i = common; i < longer.size(); i++) {
            if (longer.get(i).signum() != 0) {
                return parts.size() > other.parts.size() ? 1 : -1;
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MigrationVersion version && compareTo(version) == 0;
    }

    @Override
    public int hashCode() {
        int end = parts.size();
        while (end > 1 && parts.get(end - 1).signum() == 0) {
            end--;
        }
        return parts.subList(0, end).hashCode();
    }

    /** As recorded in the history table and reports: parts joined by '.' ("1.2"). */
    @Override
    public String toString() {
        return String.join(".", parts.stream().map(BigInteger::toString).toList());
    }
}
