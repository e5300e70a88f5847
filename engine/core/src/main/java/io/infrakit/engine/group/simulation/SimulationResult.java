package io.infrakit.engine.group.simulation;

import io.infrakit.spi.group.GroupPhase;
import io.infrakit.spi.group.GroupStatus;

import java.time.Duration;
import java.util.List;

/**
 * The predicted schedule of a commit.
 *
 * @param plan       the controller's plan text for the commit
 * @param steps      what the controller started, moment by moment
 * @param finished   the group settled (converged and healthy, or the rollout stopped) within the limit
 * @param duration   from the commit until it settled (the limit when unfinished)
 * @param status     the group's status at the end, as {@code group describe} would show it
 * @param mostAlive  the most instances that existed at once
 * @param virtualTasks how many scheduler tasks the simulation ran (reconciles, timers, operations)
 */
public record SimulationResult(String plan, List<ScheduleStep> steps, boolean finished, Duration duration,
                               GroupStatus status, int mostAlive, long virtualTasks) {

    public SimulationResult {
        steps = List.copyOf(steps);
    }

    /** The steps of the rolling update: those that replaced stale instances. */
    public List<ScheduleStep> batches() {
        return steps.stream().filter(step -> step.replaced() > 0).toList();
    }

    /** Converged with every member healthy, on the target or, after an automatic rollback, on the previous one. */
    public boolean succeeded() {
        return finished && status.phase() != GroupPhase.FAILED;
    }
}
