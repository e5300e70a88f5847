package io.infrakit.engine.group.simulation;

import io.infrakit.spi.instance.DestroyReason;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

/** Collects the simulated plugin calls into steps, by the moment the controller started them. */
final class ScheduleRecorder {

    private final Instant start;
    private final TreeMap<Instant, ScheduleStep> steps = new TreeMap<>();
    private OperationLatency operations;

    ScheduleRecorder(Instant start) {
        this.start = start;
    }

    void startedBy(OperationLatency latency) {
        this.operations = latency;
    }

    void provisioned() {
        add(1, 0, 0);
    }

    void destroyed(DestroyReason reason) {
        boolean rolling = reason == DestroyReason.ROLLING_UPDATE;
        add(0, rolling ? 1 : 0, rolling ? 0 : 1);
    }

    synchronized List<ScheduleStep> steps() {
        return List.copyOf(steps.values());
    }

    private synchronized void add(int started, int replaced, int removed) {
        Instant at = operations == null ? start : operations.startedAt();
        steps.compute(at, (instant, step) -> (step == null
                ? new ScheduleStep(Duration.between(start, instant), 0, 0, 0) : step)
                .plus(started, replaced, removed));
    }
}
