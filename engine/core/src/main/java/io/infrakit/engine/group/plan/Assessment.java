package io.infrakit.engine.group.plan;

import io.infrakit.spi.group.GroupPhase;

/**
 * The planner's view of the group after one observation: phase, counts, and in plain words what it waits for.
 *
 * @param onTargetAndHealthy every member runs the target config, is healthy, and the group is at its size
 */
public record Assessment(GroupPhase phase, int desired, int current, int updated, int healthy, int unavailable,
                         String reason, boolean converged, boolean onTargetAndHealthy) {

    public Assessment {
        reason = reason == null ? "" : reason;
    }
}
