package io.neontwin.action;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts entrypoint.sh the way GitHub's runner starts a container action: a clean environment holding every
 * declared input as INPUT_<NAME> with hyphens kept (empty when the workflow does not set it; the runner applies
 * action.yml's defaults), action.yml's runs.env with its ${{ inputs.* }} expressions evaluated, the file-command
 * paths, and the workspace as working directory. The jar and Java are this build's.
 */
final class RunnerSimulation {
    private static final Pattern INPUT_EXPRESSION = Pattern.compile("\\$\\{\\{ inputs\\.([a-z-]+) }}");

    final Path workspace;
    final Path outputFile;
    final Path summaryFile;
    private final Path home;

    RunnerSimulation(Path dir) throws IOException {
        workspace = Files.createDirectories(dir.resolve("workspace"));
        home = Files.createDirectories(dir.resolve("home"));
        Path fileCommands = Files.createDirectories(dir.resolve("file_commands"));
        // The runner creates both files empty before the step starts.
        outputFile = Files.createFile(fileCommands.resolve("set_output_1"));
        summaryFile = Files.createFile(fileCommands.resolve("step_summary_1"));
    }

    record Step(int exitCode, String stdout, String stderr) {
        List<String> lines() {
            return stdout.lines().toList();
        }

        List<String> errorAnnotations() {
            return lines().stream().filter(line -> line.startsWith("::error")).toList();
        }
    }

    Step run(Map<String, String> with) throws IOException, InterruptedException {
        Map<String, String> inputs = new LinkedHashMap<>();
        ActionMetadata action = ActionMetadata.read();
        action.inputs().forEach((name, fields) -> inputs.put(name,
                with.containsKey(name) ? with.get(name) : fields.getOrDefault("default", "")));
        for (String name : with.keySet()) {
            if (!inputs.containsKey(name)) {
                throw new IllegalArgumentException("action.yml declares no input " + name);
            }
        }

        Path entrypoint = ActionMetadata.projectDir().resolve("entrypoint.sh").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder("sh", entrypoint.toString()).directory(workspace.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", home.toString());
        env.put("CI", "true");
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_WORKSPACE", workspace.toString());
        env.put("GITHUB_OUTPUT", outputFile.toString());
        env.put("GITHUB_STEP_SUMMARY", summaryFile.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("NEON_TWIN_JAR", Path.of(System.getProperty("neontwin.jar", "target/neon-twin.jar")).toAbsolutePath().toString());
        inputs.forEach((name, value) -> env.put("INPUT_" + name.toUpperCase(java.util.Locale.ROOT), value));
        action.runsEnv().forEach((variable, expression) -> env.put(variable, evaluate(expression, inputs)));

        Path stdout = Files.createTempFile(home, "stdout", ".txt");
        Path stderr = Files.createTempFile(home, "stderr", ".txt");
        Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("entrypoint.sh did not finish in 5 minutes");
        }
        return new Step(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private static String evaluate(String expression, Map<String, String> inputs) {
        Matcher matcher = INPUT_EXPRESSION.matcher(expression);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(inputs.getOrDefault(matcher.group(1), "")));
        }
        return matcher.appendTail(result).toString();
    }

    Map<String, String> outputs() throws IOException {
        return GitHubFiles.readOutputs(outputFile);
    }

    String summary() throws IOException {
        return Files.readString(summaryFile, StandardCharsets.UTF_8);
    }

    /** Everything the step left in the workspace, for "nothing was written" checks. */
    List<Path> workspaceFiles() throws IOException {
        try (var files = Files.walk(workspace)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
