package io.neontwin.action;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * action.yml's inputs and outputs, read for tests. action.yml keeps to a strict shape (two-space indents, one-line
 * scalars) so that this small reader suffices; it fails on anything else rather than guess, and the CI's
 * action-validator checks the file against GitHub's own schema.
 */
record ActionMetadata(Map<String, String> topLevel, Map<String, Map<String, String>> inputs,
                      Map<String, Map<String, String>> outputs, Map<String, Map<String, String>> sections,
                      Map<String, Map<String, Map<String, String>>> nested) {

    /** runs.env: the variables the runner sets in the container besides INPUT_*, expressions unevaluated. */
    Map<String, String> runsEnv() {
        return nested.getOrDefault("runs", Map.of()).getOrDefault("env", Map.of());
    }

    static Path projectDir() {
        return Path.of(System.getProperty("neontwin.projectDir", "."));
    }

    static ActionMetadata read() {
        try {
            return parse(Files.readAllLines(projectDir().resolve("action.yml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ActionMetadata parse(List<String> lines) {
        Map<String, String> topLevel = new LinkedHashMap<>();
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, String>>> nested = new LinkedHashMap<>();
        String section = null;
        String entry = null;
        for (String line : lines) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            String text = line.strip();
            int colon = text.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("action.yml: not a 'key: value' line: " + line);
            }
            String key = text.substring(0, colon);
            String value = text.substring(colon + 1).strip();
            switch (indent) {
                case 0 -> {
                    section = key;
                    entry = null;
                    if (!value.isEmpty()) {
                        topLevel.put(key, scalar(value));
                    }
                }
                case 2 -> {
                    entry = key;
                    if (value.isEmpty()) {
                        nested.computeIfAbsent(section, s -> new LinkedHashMap<>()).put(key, new LinkedHashMap<>());
                    } else {
                        sections.computeIfAbsent(section, s -> new LinkedHashMap<>()).put(key, scalar(value));
                    }
                }
                case 4 -> nested.get(section).get(entry).put(key, scalar(value));
                default -> throw new IllegalArgumentException("action.yml: unexpected indent: " + line);
            }
        }
        return new ActionMetadata(topLevel, nested.getOrDefault("inputs", Map.of()), nested.getOrDefault("outputs", Map.of()),
                sections, nested);
    }

    private static String scalar(String value) {
        if (value.startsWith("'")) {
            if (!value.endsWith("'") || value.length() < 2) {
                throw new IllegalArgumentException("action.yml: unterminated quote: " + value);
            }
            return value.substring(1, value.length() - 1).replace("''", "'");
        }
        if (value.startsWith("\"") || value.startsWith("|") || value.startsWith(">")) {
            throw new IllegalArgumentException("action.yml: use single-quoted one-line scalars: " + value);
        }
        return value;
    }
}
