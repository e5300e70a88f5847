package io.infrakit.engine.group.plan;

import io.infrakit.engine.group.spec.AllocationSpec;
import io.infrakit.engine.group.spec.UpdatingSpec;
import io.infrakit.spi.instance.InstanceId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the planner decides from: the desired allocation and updating rules, the members observed, the
 * provisions and destroys still under way, the rollout so far, and the time.
 *
 * @param maxParallel        at most this many plugin operations at once for the group (0: no limit)
 * @param freshHealth        the members' health was just asked of the flavor; only such checks count toward
 *                           {@code Updating.Count} and {@code Updating.Duration}
 * @param runningOperations  provisions and destroys running now (they use up maxParallel)
 */
public record PlanInput(AllocationSpec allocation, UpdatingSpec updating, int maxParallel, boolean freshHealth,
                        Mode mode, List<Member> members, List<PendingProvision> provisions,
                        Set<InstanceId> destroying, int runningOperations, RolloutState rollout, Instant now) {

    public PlanInput {
        Objects.requireNonNull(allocation, "allocation");
        Objects.requireNonNull(updating, "updating");
        Objects.requireNonNull(mode, "mode");
        members = List.copyOf(members);
        provisions = List.copyOf(provisions);
        destroying = Set.copyOf(destroying);
        Objects.requireNonNull(rollout, "rollout");
        Objects.requireNonNull(now, "now");
    }
}
