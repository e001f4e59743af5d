package io.neontwin.cli;

import io.neontwin.errors.Spelling;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The option or command a user most likely meant when they typed one that does not exist: the closest name by
 * spelling ({@code --exlude-table} is {@code --exclude-table}), or the option behind a word other tools use for it
 * ({@code --parallel}, {@code --threads} are {@code --jobs} here, as in pg_dump).
 */
final class OptionSuggestion {
    /** Words other tools use, and the option that does that job here. */
    private static final Map<String, String> OTHER_TOOLS_WORDS = Map.of(
            "parallel", "--jobs", "threads", "--jobs", "workers", "--jobs", "concurrency", "--jobs", "table-jobs", "--jobs",
            "exclude-data", "--exclude-table-data", "migrations-path", "--migrations", "report-file", "--report");

    private OptionSuggestion() {
    }

    /** The real option closest to {@code typed} (which may carry "=value"), if one is close enough to be a slip. */
    static Optional<String> forOption(CommandSpec command, String typed) {
        String word = bare(typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed);
        List<String> names = new ArrayList<>();
        for (OptionSpec option : command.options()) {
            names.add(option.longestName());
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : names) {
            int distance = distance(word, bare(name));
            if (distance < bestDistance) {
                best = name;
                bestDistance = distance;
            }
        }
        for (Map.Entry<String, String> synonym : OTHER_TOOLS_WORDS.entrySet()) {
            int distance = distance(word, synonym.getKey());
            if (distance < bestDistance && names.contains(synonym.getValue())) {
                best = synonym.getValue();
                bestDistance = distance;
            }
        }
        return bestDistance <= tolerance(word) ? Optional.of(best) : Optional.empty();
    }

    /** The subcommand closest to {@code typed}, for "neon-twin twni". */
    static Optional<String> forCommand(CommandSpec command, String typed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : command.subcommands().keySet()) {
            int distance = distance(typed.toLowerCase(Locale.ROOT), name);
            if (distance < bestDistance) {
                best = name;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= tolerance(typed) ? Optional.of(best) : Optional.empty();
    }

    /** One slip per three letters, at least one: enough for typos, too little to propose an unrelated option. */
    private static int tolerance(String word) {
        return Math.max(1, word.length() / 3);
    }

    private static String bare(String option) {
        return option.replaceFirst("^-+", "").toLowerCase(Locale.ROOT);
    }

    static int distance(String a, String b) {
        return Spelling.distance(a, b);
    }
}
