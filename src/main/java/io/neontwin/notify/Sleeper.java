package io.neontwin.notify;

import java.time.Duration;

/** Waits between delivery attempts. Injected so that tests check the waits asked for without spending them. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
