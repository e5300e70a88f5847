package io.infrakit.engine.group;

import io.infrakit.engine.group.plan.Mode;
import io.infrakit.engine.group.plan.PendingProvision;
import io.infrakit.engine.group.plan.RolloutState;
import io.infrakit.engine.group.spec.GroupProperties;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.instance.InstanceId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a reconcile starts from, taken from the {@link GroupState} before it observes the members. */
record GroupSnapshot(long generation, GroupSpec spec, GroupProperties properties, GroupProperties target,
                     RolloutState rollout, Mode mode, List<PendingProvision> running,
                     Map<InstanceId, PendingProvision> unseen, Set<InstanceId> destroying, int operations) {

    /** Provisions under way: running, or returned with an instance the provider did not list this time. */
    List<PendingProvision> provisions(Set<InstanceId> observed) {
        List<PendingProvision> all = new ArrayList<>(running);
        unseen.forEach((instance, provision) -> {
            if (!observed.contains(instance)) {
                all.add(provision);
            }
        });
        return all;
    }
}
