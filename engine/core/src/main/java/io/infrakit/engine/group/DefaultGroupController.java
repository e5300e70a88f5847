package io.infrakit.engine.group;

import io.infrakit.spi.group.GroupStatus;
import io.infrakit.engine.group.plan.UpdatePlans;
import io.infrakit.engine.group.spec.AllocationSpec;
import io.infrakit.engine.group.spec.GroupProperties;
import io.infrakit.engine.group.spec.GroupSpecValidator;
import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.Tags;
import io.infrakit.spi.group.GroupDescription;
import io.infrakit.spi.group.GroupEvent;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPlugin;
import io.infrakit.spi.group.Revision;
import io.infrakit.spi.group.RolloutControl;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.plugin.PluginLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The default group controller ({@code group-stateless}): keeps each committed group at its size (cattle) or its
 * logical IDs (pets), replaces what dies, and rolls a changed config out in batches within the disruption budget.
 * Each group is reconciled from a work queue (observe, plan, act, report), on every commit and change, on every
 * poll interval, and after failures with a capped backoff. No lock is held across a plugin call, nothing sleeps.
 */
public final class DefaultGroupController implements GroupPlugin, RolloutControl, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultGroupController.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);

    private final GroupSpecValidator plugins;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Executor actions;
    private final ControllerSettings settings;
    private final Map<GroupId, GroupState> groups = new ConcurrentHashMap<>();
    private final WorkQueue queue;
    private final GroupReconciler reconciler;
    private final JournalStore journals;
    private final GroupRevisions revisions;

    /** Reconciles and plugin operations both run on the scheduler; nothing is kept across a restart. */
    public DefaultGroupController(PluginLookup plugins, Clock clock, ScheduledExecutorService scheduler,
                                  ControllerSettings settings) {
        this(plugins, clock, scheduler, scheduler, settings);
    }

    /** Reconciles run on the scheduler, plugin operations (which may block for long) on the action executor. */
    public DefaultGroupController(PluginLookup plugins, Clock clock, ScheduledExecutorService scheduler,
                                  Executor actions, ControllerSettings settings) {
        this(plugins, clock, scheduler, actions, settings, JournalStore.none());
    }

    /** As above, with each group's revisions and rollout journal kept in the store, to survive a restart. */
    public DefaultGroupController(PluginLookup plugins, Clock clock, ScheduledExecutorService scheduler,
                                  Executor actions, ControllerSettings settings, JournalStore journals) {
        this.journals = journals;
        this.revisions = new GroupRevisions(journals, clock);
        this.plugins = new GroupSpecValidator(plugins);
        this.clock = clock;
        this.scheduler = scheduler;
        this.actions = actions;
        this.settings = settings;
        this.queue = new WorkQueue(scheduler, this::reconcile);
        ActionRunner runner = new ActionRunner(actions, clock, new ActionRunner.Callbacks() {
            @Override
            public void reconcileNow(GroupState group) {
                enqueue(group);
            }

            @Override
            public void reconcileAfterFailures(GroupState group, int failures) {
                retryLater(group, failures);
            }
        });
        this.reconciler = new GroupReconciler(this.plugins, clock, settings, runner);
    }

    public ControllerSettings settings() {
        return settings;
    }

    @Override
    public String commitGroup(GroupSpec spec, boolean pretend) {
        GroupProperties properties = plugins.validate(spec.id().value(), spec.properties());
        GroupState existing = groups.get(spec.id());
        if (existing == null) {
            String plan = UpdatePlans.newGroup(properties.allocation());
            if (!pretend) {
                GroupState created = revisions.created(spec, properties, plan);
                if (groups.putIfAbsent(spec.id(), created) == null) {
                    revisions.committed(created, spec, plan);
                    created.resync(scheduler.scheduleWithFixedDelay(() -> enqueue(created),
                            settings.pollInterval().toNanos(), settings.pollInterval().toNanos(),
                            TimeUnit.NANOSECONDS));
                    LOG.info("managing group {}", spec.id());
                    enqueue(created);
                } else {
                    return commitGroup(spec, false);
                }
            }
            return plan;
        }
        String plan = explain(existing, properties);
        if (!pretend) {
            existing.commit(spec, properties, plan, clock.instant());
            revisions.committed(existing, spec, plan);
            LOG.info("group {}: {}", spec.id(), plan);
            enqueue(existing);
        }
        return plan;
    }

    private String explain(GroupState group, GroupProperties next) {
        InstancePlugin instances = plugins.instance(next.instance().plugin());
        String hash = next.configHash();
        List<InstanceDescription> members = instances.describeInstances(Map.of(Tags.GROUP, group.id.value()), false);
        int desired = (int) members.stream().filter(member -> {
            String memberHash = member.tags().get(Tags.CONFIG_HASH);
            return hash.equals(memberHash) || Tags.BOOTSTRAP_HASH.equals(memberHash);
        }).count();
        return UpdatePlans.explain(group.properties().allocation(), next.allocation(), desired,
                members.size() - desired);
    }

    @Override
    public void freeGroup(GroupId id) {
        GroupState group = watched(id);
        forget(group);
        LOG.info("group {} freed; its instances are left alone", id);
    }

    @Override
    public GroupDescription describeGroup(GroupId id) {
        GroupState group = watched(id);
        InstancePlugin instances = plugins.instance(group.properties().instance().plugin());
        List<InstanceDescription> members = DirectRemoval.members(group, instances);
        return new GroupDescription(members.stream().sorted(Comparator.comparing(InstanceDescription::id)).toList(),
                group.status().converged());
    }

    /**
     * Destroys every member, self last, and forgets the group once none is left. Members that resist are
     * reported in the exception; the group stays in the controller, which keeps destroying them.
     */
    @Override
    public void destroyGroup(GroupId id) {
        GroupState group = watched(id);
        group.beginTeardown();
        GroupProperties properties = group.properties();
        InstancePlugin instances = plugins.instance(properties.instance().plugin());
        List<InstanceDescription> members;
        try {
            members = DirectRemoval.members(group, instances);
        } catch (RuntimeException e) {
            enqueue(group);
            throw e;
        }
        DirectRemoval.Result result = DirectRemoval.destroy(group, members, settings.self(), properties, instances,
                plugins.flavor(properties.flavor().plugin()), done -> { });
        recordDestroys(group, result);
        if (result.resisted().isEmpty() && group.isTornDown()) {
            forget(group);
            LOG.info("group {} destroyed ({} instances)", id, result.destroyed().size());
            return;
        }
        enqueue(group);
        if (!result.resisted().isEmpty()) {
            throw new InfrakitException("Group '" + id + "': could not destroy " + result.resisted().size() + " of "
                    + members.size() + " instances, will keep trying: " + result.describeResisted());
        }
    }

    @Override
    public List<GroupSpec> inspectGroups() {
        return groups.values().stream().map(GroupState::spec).sorted(Comparator.comparing(GroupSpec::id)).toList();
    }

    /** Destroys these members and lowers the size by the number really destroyed; unknown IDs are skipped. */
    @Override
    public void destroyInstances(GroupId id, List<InstanceId> instanceIds) {
        GroupState group = watched(id);
        GroupProperties properties = group.properties();
        InstancePlugin instances = plugins.instance(properties.instance().plugin());
        List<InstanceDescription> targets = DirectRemoval.only(DirectRemoval.members(group, instances),
                new HashSet<>(instanceIds));
        boolean cattle = !properties.allocation().isQuorum();
        int size = properties.allocation().size();
        // The size drops before the destroys start and comes back up for those that resist, so no reconcile in
        // between replaces a member being destroyed or picks another one to remove.
        if (cattle) {
            resize(group, Math.max(0, size - (int) DirectRemoval.pending(group, targets)));
        }
        DirectRemoval.Result result = DirectRemoval.destroy(group, targets, settings.self(), properties, instances,
                plugins.flavor(properties.flavor().plugin()), done -> {
                    if (cattle) {
                        resize(group, Math.max(0, size - done.destroyed().size()));
                    }
                });
        recordDestroys(group, result);
        enqueue(group);
        if (!result.resisted().isEmpty()) {
            throw new InfrakitException(result.describeResisted());
        }
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

    @Override
    public int size(GroupId id) {
        return known(id).properties().allocation().target();
    }

    @Override
    public void setSize(GroupId id, int size) {
        if (size < 0) {
            throw new InfrakitException("size cannot be negative");
        }
        GroupState group = known(id);
        if (group.properties().allocation().isQuorum()) {
            throw new InfrakitException("cannot set size if logic ids are explicitly set");
        }
        commitGroup(SpecEdits.withSize(group.spec(), size), false);
    }

    /** The group's status as of its last reconcile. */
    @Override
    public GroupStatus status(GroupId id) {
        return watched(id).status();
    }

    @Override
    public void pause(GroupId id) {
        GroupState group = watched(id);
        group.paused(true);
        group.journalWriter.write(journals);
        group.events.add(clock.instant(), "Paused", "", "rollout paused by user");
        enqueue(group);
    }

    @Override
    public void resume(GroupId id) {
        GroupState group = watched(id);
        group.paused(false);
        group.journalWriter.write(journals);
        group.events.add(clock.instant(), "Resumed", "", "rollout resumed by user");
        enqueue(group);
    }

    @Override
    public List<Revision> history(GroupId id) {
        return watched(id).revisions();
    }

    @Override
    public Revision rollback(GroupId id, Optional<String> toRevision) {
        GroupState group = watched(id);
        Revision revision = revisions.rollback(group, toRevision);
        enqueue(group);
        return revision;
    }

    @Override
    public List<GroupEvent> events(GroupId id, long afterSequence) {
        return watched(id).events.after(afterSequence);
    }

    /** Stops every group's timers and the controller's threads; instances are left alone. */
    @Override
    public void close() {
        groups.values().forEach(GroupState::remove);
        groups.clear();
        scheduler.shutdownNow();
        if (actions instanceof ExecutorService service && service != scheduler) {
            service.shutdownNow();
        }
    }

    private void reconcile(GroupId id) {
        GroupState group = groups.get(id);
        if (group == null || group.isRemoved()) {
            return;
        }
        try {
            GroupReconciler.Outcome outcome = reconciler.reconcile(group);
            group.journalWriter.write(journals);
            switch (outcome) {
                case AGAIN -> enqueue(group);
                case TORN_DOWN -> {
                    forget(group);
                    LOG.info("group {} destroyed", id);
                }
                case DONE -> {
                }
            }
        } catch (RuntimeException e) {
            String error = e.getMessage() == null ? e.toString() : e.getMessage();
            int failures = group.reconcileFailed(error);
            if (failures == 1) {
                group.events.add(clock.instant(), "ReconcileFailed", "", error);
            }
            LOG.debug("reconcile of group {} failed ({} in a row): {}", id, failures, e.getMessage());
            retryLater(group, failures);
        }
    }

    private void enqueue(GroupState group) {
        if (!group.isRemoved()) {
            queue.enqueue(group.id);
        }
    }

    private void retryLater(GroupState group, int failures) {
        Duration backoff = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 20));
        if (backoff.compareTo(settings.pollInterval()) > 0) {
            backoff = settings.pollInterval();
        }
        try {
            scheduler.schedule(() -> enqueue(group), backoff.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("not retrying group {}: the controller is closing", group.id);
        }
    }

    private void forget(GroupState group) {
        groups.remove(group.id, group);
        group.remove();
        group.journalWriter.delete(journals);
    }

    private GroupState watched(GroupId id) {
        GroupState group = groups.get(id);
        if (group == null) {
            throw new InfrakitException("Group '" + id + "' is not being watched");
        }
        return group;
    }

    private GroupState known(GroupId id) {
        GroupState group = groups.get(id);
        if (group == null) {
            throw new InfrakitException("group " + id + " not found");
        }
        return group;
    }
}
