package io.neontwin.action;

import picocli.CommandLine.Command;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** {@code neon-twin action}: what entrypoint.sh runs inside the container. Inputs come from INPUT_* variables. */
@Command(name = "action", mixinStandardHelpOptions = true,
        description = {"Run as a GitHub Action step: read the inputs from INPUT_* environment variables, write "
                + "$GITHUB_OUTPUT and $GITHUB_STEP_SUMMARY, and print workflow commands.",
                "Inputs are read as the runner sets them (INPUT_PRODUCTION-URL) or with underscores (INPUT_PRODUCTION_URL). "
                + "See docs/github-action.md."})
public final class ActionCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        // UTF-8 whatever the container's locale: the runner reads the log as UTF-8.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true);
        try {
            return new ActionRunner(ActionEnvironment.ofProcess(), out, ActionRunner.REAL_ENGINE).run();
        } finally {
            out.flush();
        }
    }
}
