package io.neontwin.cli;

import io.neontwin.connection.ConnectionRetry;
import io.neontwin.twin.ProgressListener;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The fault tests' pause hook stands between the engine and the face: everything the engine says still reaches the face. */
class TestPauseHookTest {
    @Test
    void aRetryLineReachesTheFaceThroughTheHook() {
        List<ConnectionRetry> told = new ArrayList<>();
        ProgressListener face = new ProgressListener() {
            @Override
            public void connectionRetry(ConnectionRetry retry) {
                told.add(retry);
            }
        };
        ConnectionRetry retry = new ConnectionRetry("--production-url", "db:5432/shop", "connection refused", 1, 5,
                Duration.ofSeconds(1), Duration.ofSeconds(30));

        new TestPauseHook(face, "swap", new PrintStream(new ByteArrayOutputStream())).connectionRetry(retry);

        assertEquals(List.of(retry), told);
    }
}
