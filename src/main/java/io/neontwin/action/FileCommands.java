package io.neontwin.action;

import io.neontwin.secrets.Secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.UUID;

/** The runner's file commands: $GITHUB_OUTPUT and $GITHUB_STEP_SUMMARY, appended to as the runner expects. */
final class FileCommands {
    private FileCommands() {
    }

    /**
     * Writes each output in the heredoc form ({@code name<<DELIMITER}), which carries any value, multi-line included;
     * the delimiter is random so that no value can end it early (the runner's own toolkit does the same).
     */
    static void writeOutputs(Path outputFile, Map<String, String> outputs) {
        StringBuilder text = new StringBuilder();
        outputs.forEach((name, rawValue) -> {
            String value = Secrets.redact(rawValue);
            String delimiter = "ghadelimiter_" + UUID.randomUUID();
            if (value.contains(delimiter) || name.contains(delimiter)) {
                throw new IllegalStateException("output " + name + " contains its delimiter"); // cannot happen by chance
            }
            text.append(name).append("<<").append(delimiter).append('\n')
                    .append(value).append('\n')
                    .append(delimiter).append('\n');
        });
        append(outputFile, text.toString());
    }

    static void appendSummary(Path summaryFile, String markdown) {
        append(summaryFile, Secrets.redact(markdown));
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
