package io.neontwin.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.neontwin.testing.InProcessCli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** What the init tests share: the catalog, options from JSON, and neon-twin run in-process. */
final class InitTesting {
    static final OptionCatalog CATALOG = OptionCatalog.load();
    static final WorkflowTemplates TEMPLATES = WorkflowTemplates.load();
    static final Path RESOURCES = Path.of("src/test/resources/init");
    static final ObjectMapper JSON = new ObjectMapper();

    record Run(int exitCode, String out, String err) {
    }

    private InitTesting() {
    }

    /** Options from a JSON object of name: value, over the defaults (a random schedule unless the object names one). */
    static WorkflowOptions options(JsonNode values) {
        WorkflowOptions options = WorkflowOptions.defaults(CATALOG, new Random());
        for (var field : (Iterable<java.util.Map.Entry<String, JsonNode>>) values::fields) {
            options = options.with(field.getKey(), field.getValue().asText());
        }
        return options;
    }

    static JsonNode json(Path path) {
        try {
            return JSON.readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Run neonTwin(String... args) {
        InProcessCli.Run run = InProcessCli.neonTwin(args);
        return new Run(run.exitCode(), run.out(), run.err());
    }

    /** The words of a command line as a POSIX shell splits them (single quotes, and '\'' for a quote inside). */
    static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '\'') {
                    quoted = false;
                } else {
                    word.append(c);
                }
            } else if (c == '\'') {
                quoted = true;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (c == ' ') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
