package io.infrakit.engine.group.simulation;

import java.time.Duration;

/**
 * What the controller started at one moment of the simulation.
 *
 * @param at       when, from the commit
 * @param started  new instances it began to provision
 * @param replaced stale instances it began to destroy in the rolling update
 * @param removed  other instances it began to destroy (scale-down, strays)
 */
public record ScheduleStep(Duration at, int started, int replaced, int removed) {

    ScheduleStep plus(int moreStarted, int moreReplaced, int moreRemoved) {
        return new ScheduleStep(at, started + moreStarted, replaced + moreReplaced, removed + moreRemoved);
    }
}
