package io.neontwin.neon;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;

/**
 * A request the Neon API refused, or kept failing past the retries. The message is one sentence quoting the API's
 * own message and naming the fix; {@link #status()} lets callers tell a locked branch (423) from a refusal.
 */
public final class NeonApiError extends UserError {
    /** No HTTP status tells the cause: a network error, a timeout, or an operation that failed or ran too long. */
    public static final int NO_RESPONSE = 0;

    private final int status;

    public NeonApiError(int status, String sentence) {
        this(status, sentence, null);
    }

    public NeonApiError(int status, String sentence, Throwable cause) {
        super(ExitCode.NEON_API, sentence, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** 423: an operation (a reset, a compute start) holds the resource. */
    public boolean locked() {
        return status == 423;
    }
}
