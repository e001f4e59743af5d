package io.neontwin.twin;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Work spread over sessions (verification, ANALYZE) fails as a whole when any piece dies, of anything. */
class ParallelSessionsTest {
    @Test
    void aWorkerKilledByOutOfMemoryErrorFailsTheWholeRunWithTheHeapFix() {
        UserError failure = assertThrows(UserError.class, () -> ParallelSessions.run(2, List.of("small", "huge", "other"),
                () -> null, (connection, item) -> {
                    if (item.equals("huge")) {
                        throw new OutOfMemoryError("Java heap space");
                    }
                }));

        assertEquals(ExitCode.COPY_FAILED, failure.exitCode());
        assertTrue(failure.getMessage().contains("NEON_TWIN_JAVA_OPTS"), failure.getMessage());
    }

    @Test
    void aWorkerKilledByAnyOtherErrorFailsTheWholeRun() {
        assertThrows(RuntimeException.class, () -> ParallelSessions.run(1, List.of("one"), () -> null, (connection, item) -> {
            throw new StackOverflowError();
        }));
    }
}
