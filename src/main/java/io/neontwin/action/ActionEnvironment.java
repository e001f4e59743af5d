package io.neontwin.action;

import io.neontwin.face.OptionTable;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the GitHub runner hands a container action: inputs as {@code INPUT_*} variables and the paths of its
 * file commands. Read through a plain map so that tests need no process.
 */
public final class ActionEnvironment {
    private final Map<String, String> variables;

    public ActionEnvironment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    public static ActionEnvironment ofProcess() {
        return new ActionEnvironment(System.getenv());
    }

    /**
     * The input's value, or empty when it is unset or blank. The runner's hyphenated name wins when it arrives; it
     * often does not, because Debian's /bin/sh (dash), which runs entrypoint.sh, drops variables whose names hold a
     * hyphen. action.yml therefore also passes each input under its underscore name (runs.env), which is also the
     * name to use with {@code docker run -e} outside GitHub.
     */
    public Optional<String> input(OptionTable input) {
        return nonBlank(variables.get(input.runnerVariable())).or(() -> nonBlank(variables.get(input.portableVariable())));
    }

    /** The file that collects step outputs, or empty outside GitHub. */
    /** A variable that is not an input (an option the action takes from the environment only), or null. */
    public String variable(String name) {
        return nonBlank(variables.get(name)).orElse(null);
    }

    /** Where the Neon API is: set only to point tests at a local fake. */
    public Optional<String> neonApiBaseUrl() {
        return nonBlank(variables.get("NEON_API_BASE_URL"));
    }

    public Optional<Path> outputFile() {
        return nonBlank(variables.get("GITHUB_OUTPUT")).map(Path::of);
    }

    /** The file that collects the Markdown job summary, or empty outside GitHub. */
    public Optional<Path> stepSummaryFile() {
        return nonBlank(variables.get("GITHUB_STEP_SUMMARY")).map(Path::of);
    }

    /** The checked-out repository, mounted into the container; relative report paths resolve against it. */
    public Path workspace() {
        return nonBlank(variables.get("GITHUB_WORKSPACE")).map(Path::of).orElse(Path.of("").toAbsolutePath());
    }

    /** True when the run was started with debug logging (the runner then sets RUNNER_DEBUG=1). */
    public boolean debugLogging() {
        return "1".equals(variables.get("RUNNER_DEBUG"));
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
