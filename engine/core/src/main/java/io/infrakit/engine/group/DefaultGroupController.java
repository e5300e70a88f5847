package io.infrakit.engine.group;

import io.infrakit.spi.group.GroupStatus;
import io.infrakit.engine.group.plan.UpdatePlans;
import io.infrakit.engine.group.spec.GroupProperties;
import io.infrakit.engine.group.spec.GroupSpecValidator;
import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.InvalidSpecException;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The default group controller ({@code group-stateless}): keeps each committed group at its size (cattle) or its
 * logical IDs (pets), replaces what dies, and rolls a changed config out in batches within the disruption budget.
 * Each group is reconciled from a work queue (observe, plan, act, report), on every commit and change, on each
 * notice of its instance plugin that instances changed or of its flavor plugin that health may have changed
 * ({@link ChangeSubscriptions}), on every poll interval, and after failures with a capped backoff. No lock is held across a plugin call, nothing sleeps.
 */
public final class DefaultGroupController implements GroupPlugin, RolloutControl, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultGroupController.class);

    private final GroupSpecValidator plugins;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Executor actions;
    private final ControllerSettings settings;
    private final Map<GroupId, GroupState> groups = new ConcurrentHashMap<>();
    private final ReconcileScheduler schedule;
    private final GroupReconciler reconciler;
    private final HealthChecks healthChecks = new HealthChecks();
    private final DestroyRequests destroys;
    private final JournalStore journals;
    private final GroupRevisions revisions;
    private final ChangeSubscriptions notices;

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
        this.schedule = new ReconcileScheduler(scheduler, settings.pollInterval(), this::reconcile);
        this.reconciler = new GroupReconciler(this.plugins, clock, settings,
                new ActionRunner(actions, clock, schedule, settings.logsMembers()), healthChecks);
        this.destroys = new DestroyRequests(this.plugins, clock, settings.self(), schedule, this::forget);
        this.notices = new ChangeSubscriptions(this.plugins, this::reconcileNow, groups::containsKey);
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
                    committedOrForgotten(created, spec, plan);
                    notices.follow(spec.id(), properties);
                    schedule.reconcileEveryPoll(created);
                    LOG.info("managing group {}", spec.id());
                    schedule.reconcileNow(created);
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
            notices.follow(spec.id(), properties);
            LOG.info("group {}: {}", spec.id(), plan);
            schedule.reconcileNow(existing);
        }
        return plan;
    }

    /** A new group whose first revision cannot be kept is not watched either: a failed commit leaves nothing. */
    private void committedOrForgotten(GroupState created, GroupSpec spec, String plan) {
        try {
            revisions.committed(created, spec, plan);
        } catch (RuntimeException e) {
            groups.remove(created.id, created);
            created.remove();
            throw e;
        }
    }

    private String explain(GroupState group, GroupProperties next) {
        InstancePlugin instances = plugins.instance(next.instance().plugin());
        String hash = next.configHash();
        String legacyHash = next.legacyConfigHash();
        List<InstanceDescription> members = instances.describeInstances(Map.of(Tags.GROUP, group.id.value()), false);
        int desired = (int) members.stream().filter(member -> {
            String memberHash = member.tags().get(Tags.CONFIG_HASH);
            return hash.equals(memberHash) || legacyHash.equals(memberHash)
                    || Tags.BOOTSTRAP_HASH.equals(memberHash);
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
        destroys.destroyGroup(watched(id));
    }

    @Override
    public List<GroupSpec> inspectGroups() {
        return groups.values().stream().map(GroupState::spec).sorted(Comparator.comparing(GroupSpec::id)).toList();
    }

    /**
     * Destroys these members and lowers the size by the number really destroyed. An ID that is not a member refuses
     * the whole request: nothing is destroyed.
     */
    @Override
    public void destroyInstances(GroupId id, List<InstanceId> instanceIds) {
        destroys.destroyInstances(watched(id), instanceIds);
    }

    @Override
    public int size(GroupId id) {
        return known(id).properties().allocation().target();
    }

    @Override
    public void setSize(GroupId id, int size) {
        if (size < 0) {
            throw new InvalidSpecException("size cannot be negative");
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
        schedule.reconcileNow(group);
    }

    @Override
    public void resume(GroupId id) {
        GroupState group = watched(id);
        group.paused(false);
        group.journalWriter.write(journals);
        group.events.add(clock.instant(), "Resumed", "", "rollout resumed by user");
        schedule.reconcileNow(group);
    }

    @Override
    public List<Revision> history(GroupId id) {
        return watched(id).revisions();
    }

    @Override
    public Revision rollback(GroupId id, Optional<String> toRevision) {
        GroupState group = watched(id);
        Revision revision = revisions.rollback(group, toRevision);
        schedule.reconcileNow(group);
        return revision;
    }

    @Override
    public List<GroupEvent> events(GroupId id, long afterSequence) {
        return watched(id).events.after(afterSequence);
    }

    /** Stops every group's timers and the controller's threads; instances are left alone. */
    @Override
    public void close() {
        notices.close();
        groups.values().forEach(GroupState::remove);
        groups.clear();
        scheduler.shutdownNow();
        healthChecks.close();
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
                case AGAIN -> schedule.reconcileNow(group);
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
            schedule.reconcileAfterFailures(group, failures);
        }
    }

    private void reconcileNow(GroupId id) {
        GroupState group = groups.get(id);
        if (group != null) {
            schedule.reconcileNow(group);
        }
    }

    private void forget(GroupState group) {
        if (groups.remove(group.id, group)) {
            notices.forget(group.id);
        }
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
