package io.infrakit.engine.group.simulation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Simulated time: a clock that stands still until its {@link VirtualScheduler} moves it to the next event. It only
 * moves forward. Not tied to any zone; {@link #withZone} returns a clock that shares the time.
 */
public final class VirtualClock extends Clock {

    private final Object lock;
    private final Instant[] now;
    private final ZoneId zone;

    public VirtualClock(Instant start) {
        this(new Object(), new Instant[] {Objects.requireNonNull(start, "start")}, ZoneOffset.UTC);
    }

    private VirtualClock(Object lock, Instant[] now, ZoneId zone) {
        this.lock = lock;
        this.now = now;
        this.zone = zone;
    }

    /** Moves the clock to this instant; moving it back is refused. */
    void moveTo(Instant instant) {
        synchronized (lock) {
            if (instant.isBefore(now[0])) {
                throw new IllegalArgumentException("virtual time only moves forward: " + now[0] + " -> " + instant);
            }
            now[0] = instant;
        }
    }

    @Override
    public Instant instant() {
        synchronized (lock) {
            return now[0];
        }
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new VirtualClock(lock, now, Objects.requireNonNull(newZone, "zone"));
    }
}
