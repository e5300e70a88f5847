package io.infrakit.plugins.instance.simulator;

import io.infrakit.spi.InfrakitException;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** How the simulator waits out a simulated latency; tests pass a fake that only records the waits. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration);

    /** Really waits, on the calling thread. */
    static Sleeper real() {
        return duration -> {
            try {
                TimeUnit.NANOSECONDS.sleep(duration.toNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InfrakitException("interrupted while simulating a delay of " + duration, e);
            }
        };
    }
}
