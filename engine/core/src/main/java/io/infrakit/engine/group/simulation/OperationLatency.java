package io.infrakit.engine.group.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The controller's action executor in virtual time: every plugin operation (a provision or a destroy, with its
 * flavor calls) runs its latency after the controller started it, as a real plugin call that blocks that long
 * would end then. While it runs, {@link #startedAt()} tells when the controller decided on it.
 */
final class OperationLatency implements Executor {

    private final VirtualScheduler scheduler;
    private final long latencyNanos;
    private Instant startedAt;

    OperationLatency(VirtualScheduler scheduler, Duration latency) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.latencyNanos = latency.toNanos();
    }

    @Override
    public void execute(Runnable operation) {
        Instant decided = scheduler.clock().instant();
        scheduler.schedule(() -> {
            startedAt = decided;
            try {
                operation.run();
            } finally {
                startedAt = null;
            }
        }, latencyNanos, TimeUnit.NANOSECONDS);
    }

    /** When the operation running now was started by the controller; now, outside an operation. */
    Instant startedAt() {
        return startedAt == null ? scheduler.clock().instant() : startedAt;
    }
}
