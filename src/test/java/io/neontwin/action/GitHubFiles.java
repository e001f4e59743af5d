package io.neontwin.action;

import io.neontwin.face.OptionTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runner's files: the environment a step starts with, and $GITHUB_OUTPUT read as the runner does ("name=value"
 * lines and "name<<DELIMITER" heredocs).
 */
final class GitHubFiles {
    private GitHubFiles() {
    }

    /**
     * As the runner starts a step: output and summary files in {@code dir}, the workspace, and every declared input
     * passed, filled with its default when the workflow does not set it.
     */
    static Map<String, String> runnerEnvironment(Path dir, Path workspace) {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("GITHUB_OUTPUT", dir.resolve("output").toString());
        env.put("GITHUB_STEP_SUMMARY", dir.resolve("summary").toString());
        env.put("GITHUB_WORKSPACE", workspace.toString());
        for (OptionTable input : OptionTable.actionInputs()) {
            env.put(input.runnerVariable(), input.defaultValue() == null ? "" : input.defaultValue());
        }
        return env;
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
