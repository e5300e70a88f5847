package io.infrakit.engine.group;

import io.infrakit.spi.group.GroupStatus;
import io.infrakit.engine.group.plan.Action;
import io.infrakit.engine.group.plan.Assessment;
import io.infrakit.engine.group.plan.Member;
import io.infrakit.engine.group.plan.Mode;
import io.infrakit.engine.group.plan.Plan;
import io.infrakit.engine.group.plan.PlanInput;
import io.infrakit.engine.group.plan.Planner;
import io.infrakit.engine.group.spec.GroupProperties;
import io.infrakit.engine.group.spec.GroupSpecValidator;
import io.infrakit.spi.Tags;
import io.infrakit.spi.flavor.FlavorPlugin;
import io.infrakit.spi.flavor.Health;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstancePlugin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One reconcile of one group: observe the members, plan, start the actions, report. Plugin failures propagate to
 * the caller, which retries with backoff and shows the error in the group's status.
 */
final class GroupReconciler {

    /** What a reconcile ended with. */
    enum Outcome { DONE, AGAIN, TORN_DOWN }

    private final GroupSpecValidator plugins;
    private final Clock clock;
    private final ControllerSettings settings;
    private final ActionRunner runner;
    private final HealthChecks healthChecks;

    GroupReconciler(GroupSpecValidator plugins, Clock clock, ControllerSettings settings, ActionRunner runner,
                    HealthChecks healthChecks) {
        this.plugins = plugins;
        this.clock = clock;
        this.settings = settings;
        this.runner = runner;
        this.healthChecks = healthChecks;
    }

    Outcome reconcile(GroupState group) {
        GroupSnapshot snapshot = group.snapshot(clock.instant());
        GroupProperties target = snapshot.target();
        String targetHash = snapshot.rollout().targetHash();
        InstancePlugin instances = plugins.instance(snapshot.properties().instance().plugin());
        FlavorPlugin flavor = plugins.flavor(target.flavor().plugin());

        List<InstanceDescription> observed = MemberObserver.labelAndList(group.id, instances, targetHash,
                group.configHashesByLegacyHash());
        Instant now = clock.instant();
        Set<InstanceId> observedIds = ids(observed);
        Map<InstanceId, Instant> since = group.seen(observedIds, now);
        GroupProperties desired = snapshot.properties();
        boolean atPollsOnly = desired.updating().hasHealthThreshold();
        boolean freshHealth = group.samples.takePoll() || !atPollsOnly;
        Health[] health = freshHealth ? healthChecks.check(flavor, target.flavor().properties(), observed)
                : group.samples.remembered(observed);
        if (!atPollsOnly) {
            group.samples.forget();
        } else if (freshHealth) {
            group.samples.remember(observed, health);
        }
        List<Member> members = new ArrayList<>(observed.size());
        for (int i = 0; i < observed.size(); i++) {
            InstanceDescription instance = observed.get(i);
            members.add(new Member(instance, instance.tags().get(Tags.CONFIG_HASH), health[i],
                    since.getOrDefault(instance.id(), now), MemberObserver.isSelf(instance, settings.self())));
        }
        Set<InstanceId> healthyIds = members.stream().filter(Member::healthy).map(Member::id)
                .collect(Collectors.toSet());
        List<InstanceId> newlyHealthy = group.health.observed(observedIds, healthyIds, now);
        int maxParallel = desired.allocation().maxParallel() > 0
                ? desired.allocation().maxParallel() : settings.maxParallel();
        PlanInput input = new PlanInput(desired.allocation(), desired.updating(), maxParallel,
                freshHealth, snapshot.mode(), members, snapshot.provisions(observedIds),
                snapshot.destroying(), snapshot.operations(), snapshot.rollout(), now);
        Plan plan = Planner.plan(input);

        boolean wasConverged = group.status().converged();
        Duration eta = EtaEstimate.of(plan.assessment(), plan.rollout(), snapshot.mode(), desired.allocation(),
                desired.updating(), maxParallel, settings.pollInterval(), group.timings());
        if (!group.accept(snapshot, plan, status(group, plan.assessment(), snapshot, plan, now).withEta(eta))) {
            return Outcome.AGAIN;
        }
        newlyHealthy.forEach(id -> group.events.add(now, "Healthy", id.value(), id + " is healthy"));
        ReconcileEvents.record(group, snapshot.rollout(), plan, wasConverged, now);
        ActionRunner.Context context = new ActionRunner.Context(target.withAllocation(desired.allocation()),
                plan.rollout().targetHash(), instances, flavor);
        for (Action action : plan.actions()) {
            runner.start(group, action, context);
        }
        if (snapshot.mode() == Mode.TEARDOWN && plan.assessment().converged() && group.isTornDown()) {
            return Outcome.TORN_DOWN;
        }
        boolean stageChanged = plan.rollout().stage() != snapshot.rollout().stage()
                || !plan.rollout().targetHash().equals(targetHash);
        return stageChanged && plan.actions().isEmpty() ? Outcome.AGAIN : Outcome.DONE;
    }

    private static GroupStatus status(GroupState group, Assessment assessment, GroupSnapshot snapshot,
                                      Plan plan, Instant now) {
        String proven = group.provenHash();
        String current = assessment.onTargetAndHealthy() ? plan.rollout().targetHash() : proven;
        return new GroupStatus(group.id, assessment.phase(), assessment.desired(), assessment.current(),
                assessment.updated(), assessment.healthy(), assessment.unavailable(), current,
                plan.rollout().targetHash(), assessment.reason(), "", snapshot.mode() == Mode.PAUSED,
                assessment.converged(), now);
    }

    static Set<InstanceId> ids(List<InstanceDescription> instances) {
        return instances.stream().map(InstanceDescription::id).collect(Collectors.toSet());
    }
}
