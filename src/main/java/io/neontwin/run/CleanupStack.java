package io.neontwin.run;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a run holds open (sessions, locks, snapshots), released in the reverse order it was taken, however the run
 * ends. Releasing is best effort: a session that will not close ends with the process anyway.
 */
public final class CleanupStack implements AutoCloseable {
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    public <T extends AutoCloseable> T push(T resource) {
        resources.push(resource);
        return resource;
    }

    @Override
    public void close() {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception ignored) {
                // releasing is best effort; sessions end with the process anyway
            }
        }
    }
}
