package io.neontwin.neon;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which branches to reset, by name: shell-style patterns ({@code preview/*}, {@code dev-?}), matched against the
 * whole name, case-sensitively as Neon names are. No pattern means every branch. Branch names hold '/' and '.', so the
 * table patterns of the twin ({@code [schema.]name}) do not fit here.
 */
public final class BranchPatterns {
    private final List<Pattern> regexes;

    public BranchPatterns(List<String> patterns) {
        this.regexes = patterns.stream().map(BranchPatterns::toRegex).toList();
    }

    public boolean matches(String branchName) {
        return regexes.isEmpty() || regexes.stream().anyMatch(regex -> regex.matcher(branchName).matches());
    }

    private static Pattern toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
