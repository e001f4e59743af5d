package io.neontwin.errors;

/**
 * A failure the user can fix. Its message is one sentence that names the input at fault and the fix; it is shown
 * without a stack trace (the cause is kept for --debug).
 */
public class UserError extends RuntimeException {
    private final ExitCode exitCode;

    public UserError(ExitCode exitCode, String sentence) {
        this(exitCode, sentence, null);
    }

    public UserError(ExitCode exitCode, String sentence, Throwable cause) {
        super(sentence, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
