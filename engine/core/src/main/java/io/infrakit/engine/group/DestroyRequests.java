package io.infrakit.engine.group;

import io.infrakit.engine.group.spec.AllocationSpec;
import io.infrakit.engine.group.spec.GroupProperties;
import io.infrakit.engine.group.spec.GroupSpecValidator;
import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.instance.LogicalId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The user's destroyGroup and destroyInstances, run in the caller's thread by {@link DirectRemoval}; each records
 * what was destroyed and what resisted, and asks for a reconcile, which keeps destroying what resisted.
 */
final class DestroyRequests {

    private static final Logger LOG = LoggerFactory.getLogger(DestroyRequests.class);
    /** An error names at most this many of the IDs that are not members. */
    private static final int NAMED_STRANGERS = 10;

    private final GroupSpecValidator plugins;
    private final Clock clock;
    private final LogicalId self;
    private final ReconcileScheduler schedule;
    private final Consumer<GroupState> forget;

    /** @param forget  stops watching a group and deletes its journal */
    DestroyRequests(GroupSpecValidator plugins, Clock clock, LogicalId self, ReconcileScheduler schedule,
                    Consumer<GroupState> forget) {
        this.plugins = plugins;
        this.clock = clock;
        this.self = self;
        this.schedule = schedule;
        this.forget = forget;
    }

    void destroyGroup(GroupState group) {
        group.beginTeardown();
        GroupProperties properties = group.properties();
        InstancePlugin instances = plugins.instance(properties.instance().plugin());
        List<InstanceDescription> members;
        try {
            members = DirectRemoval.members(group, instances);
        } catch (RuntimeException e) {
            schedule.reconcileNow(group);
            throw e;
        }
        DirectRemoval.Result result = DirectRemoval.destroy(group, members, self, properties, instances,
                plugins.flavor(properties.flavor().plugin()), done -> { });
        recordDestroys(group, result);
        if (result.resisted().isEmpty() && group.isTornDown()) {
            forget.accept(group);
            LOG.info("group {} destroyed ({} instances)", group.id, result.destroyed().size());
            return;
        }
        schedule.reconcileNow(group);
        if (!result.resisted().isEmpty()) {
            throw new InfrakitException("Group '" + group.id + "': could not destroy " + result.resisted().size()
                    + " of " + members.size() + " instances, will keep trying: " + result.describeResisted());
        }
    }

    void destroyInstances(GroupState group, List<InstanceId> instanceIds) {
        GroupProperties properties = group.properties();
        InstancePlugin instances = plugins.instance(properties.instance().plugin());
        List<InstanceDescription> targets = DirectRemoval.only(DirectRemoval.members(group, instances),
                new HashSet<>(instanceIds));
        refuseStrangers(group, instanceIds, targets);
        boolean cattle = !properties.allocation().isQuorum();
        int size = properties.allocation().size();
        // The size drops before the destroys start and comes back up for those that resist, so no reconcile in
        // between replaces a member being destroyed or picks another one to remove.
        if (cattle) {
            resize(group, Math.max(0, size - (int) DirectRemoval.pending(group, targets)));
        }
        DirectRemoval.Result result = DirectRemoval.destroy(group, targets, self, properties, instances,
                plugins.flavor(properties.flavor().plugin()), done -> {
                    if (cattle) {
                        resize(group, Math.max(0, size - done.destroyed().size()));
                    }
                });
        recordDestroys(group, result);
        schedule.reconcileNow(group);
        if (!result.resisted().isEmpty()) {
            throw new InfrakitException(result.describeResisted());
        }
    }

    /** IDs that are not members are a mistake in the request: nothing is destroyed, and they are named. */
    private static void refuseStrangers(GroupState group, List<InstanceId> requested, List<InstanceDescription> members) {
        Set<InstanceId> found = new HashSet<>();
        members.forEach(member -> found.add(member.id()));
        List<String> strangers = requested.stream().filter(id -> !found.contains(id)).distinct()
                .map(InstanceId::value).toList();
        if (strangers.isEmpty()) {
            return;
        }
        String named = strangers.size() <= NAMED_STRANGERS ? String.join(", ", strangers)
                : String.join(", ", strangers.subList(0, NAMED_STRANGERS)) + " and "
                + (strangers.size() - NAMED_STRANGERS) + " more";
        throw new InvalidSpecException("Group '" + group.id + "' has no instance" + (strangers.size() == 1 ? " " : "s ")
                + named + "; nothing was destroyed");
    }

    private void resize(GroupState group, int size) {
        GroupSpec resized = SpecEdits.withSize(group.spec(), size);
        group.commit(resized, group.properties().withAllocation(new AllocationSpec(size, List.of(),
                group.properties().allocation().maxParallel())), null, clock.instant());
    }

    private void recordDestroys(GroupState group, DirectRemoval.Result result) {
        result.destroyed().forEach(instance -> group.events.add(clock.instant(), "Destroyed", instance.value(),
                "destroyed " + instance + " (terminate)"));
        result.resisted().forEach((instance, error) -> group.events.add(clock.instant(), "DestroyFailed",
                instance.value(), "destroy " + instance + " failed: " + error));
    }
}
