package io.infrakit.engine.group;

import io.infrakit.engine.group.plan.Assessment;
import io.infrakit.engine.group.plan.Mode;
import io.infrakit.engine.group.plan.RolloutStage;
import io.infrakit.engine.group.plan.RolloutState;
import io.infrakit.engine.group.spec.AllocationSpec;
import io.infrakit.engine.group.spec.UpdatingSpec;

import java.time.Duration;

/**
 * How long until the group converges, from the times measured in the group: a rollout replaces the stale members
 * in batches (MaxSurge + MaxUnavailable, at most MaxParallel), each taking a provision, a health check and the
 * Updating threshold; a group that grows provisions MaxParallel at a time. An estimate, not a promise.
 */
final class EtaEstimate {

    private EtaEstimate() {
    }

    /** Null when nothing remains to wait for, the group is paused or failed, or nothing was measured yet. */
    static Duration of(Assessment assessment, RolloutState rollout, Mode mode, AllocationSpec allocation,
                       UpdatingSpec updating, int maxParallel, Duration pollInterval, Timings timings) {
        if (assessment.converged() || mode != Mode.RUN || rollout.stage() == RolloutStage.FAILED
                || !timings.measured()) {
            return null;
        }
        Duration perInstance = timings.provision().plus(timings.health());
        if (rollout.stage().isActive()) {
            int stale = Math.max(0, assessment.desired() - assessment.updated());
            Duration gate = rollout.stage() == RolloutStage.ROLLING_BACK ? Duration.ZERO
                    : updating.count() > 0 ? pollInterval.multipliedBy(updating.count()) : updating.duration();
            return perInstance.plus(gate).multipliedBy(Math.max(1, ceil(stale, batch(allocation, updating, maxParallel))));
        }
        int missing = Math.max(0, assessment.desired() - assessment.current());
        if (missing == 0) {
            return timings.health();
        }
        return perInstance.multipliedBy(maxParallel > 0 ? ceil(missing, maxParallel) : 1);
    }

    private static int batch(AllocationSpec allocation, UpdatingSpec updating, int maxParallel) {
        int size = allocation.target();
        int unavailable = updating.maxUnavailable().resolve(size, false);
        int batch = allocation.isQuorum() ? unavailable : updating.maxSurge().resolve(size, true) + unavailable;
        batch = Math.max(1, batch);
        return maxParallel > 0 ? Math.min(batch, maxParallel) : batch;
    }

    private static long ceil(int count, int per) {
        return (count + per - 1L) / per;
    }
}
