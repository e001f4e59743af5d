package io.neontwin.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records the waits asked for instead of waiting, so retry tests are instant and never depend on wall time. */
public final class RecordingSleeper implements Sleeper {
    public final List<Duration> waits = new ArrayList<>();

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
    }
}
