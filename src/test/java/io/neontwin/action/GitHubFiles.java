package io.neontwin.action;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads $GITHUB_OUTPUT as the runner does: "name=value" lines and "name<<DELIMITER" heredocs. */
final class GitHubFiles {
    private GitHubFiles() {
    }

    static Map<String, String> readOutputs(Path file) throws IOException {
        Map<String, String> outputs = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return outputs;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int heredoc = line.indexOf("<<");
            int equals = line.indexOf('=');
            if (heredoc > 0 && (equals < 0 || heredoc < equals)) {
                String name = line.substring(0, heredoc);
                String delimiter = line.substring(heredoc + 2);
                StringBuilder value = new StringBuilder();
                int j = i + 1;
                while (!lines.get(j).equals(delimiter)) { // the runner fails the step on a missing delimiter: so do we
                    value.append(value.isEmpty() && j == i + 1 ? "" : "\n").append(lines.get(j));
                    j++;
                }
                outputs.put(name, value.toString());
                i = j;
            } else if (equals > 0) {
                outputs.put(line.substring(0, equals), line.substring(equals + 1));
            } else if (!line.isEmpty()) {
                throw new IllegalStateException("not an output line: " + line);
            }
        }
        return outputs;
    }
}
