package io.infrakit.engine.group;

import io.infrakit.spi.group.GroupPhase;
import io.infrakit.spi.group.GroupStatus;
import io.infrakit.engine.group.plan.Mode;
import io.infrakit.engine.group.plan.PendingProvision;
import io.infrakit.engine.group.plan.Plan;
import io.infrakit.engine.group.plan.RolloutStage;
import io.infrakit.engine.group.plan.RolloutState;
import io.infrakit.engine.group.spec.GroupProperties;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.LogicalId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;

/**
 * What the controller remembers about one group between reconciles: the committed spec and the revisions it may
 * need, the rollout, the user's pause or teardown, the operations under way and the last status. Every method is
 * short and synchronized; no plugin is ever called while holding the lock.
 */
final class GroupState {

    /** A provision or destroy under way. */
    private record Running(String configHash, LogicalId logicalId, InstanceId destroying) {
    }

    /** A provision that returned before its instance is listed by the provider. */
    private record Unseen(String configHash, LogicalId logicalId, Instant provisionedAt) {
    }

    /** What a reconcile starts from, taken before it observes the members. */
    record Snapshot(long generation, GroupSpec spec, GroupProperties properties, GroupProperties target,
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

    final GroupId id;
    private GroupSpec spec;
    private GroupProperties properties;
    private final Map<String, GroupProperties> revisions = new HashMap<>();
    private String provenHash;
    private RolloutState rollout;
    private boolean paused;
    private boolean teardown;
    private boolean removed;
    private long generation;
    private long nextOperation;
    private final Map<Long, Running> running = new HashMap<>();
    private final Map<InstanceId, Unseen> unseen = new HashMap<>();
    private final Map<InstanceId, Instant> firstSeen = new HashMap<>();
    private int reconcileFailures;
    private int operationFailures;
    private GroupStatus status;
    private ScheduledFuture<?> resync;

    GroupState(GroupSpec spec, GroupProperties properties) {
        this.id = spec.id();
        this.spec = spec;
        this.properties = properties;
        String hash = properties.configHash();
        this.revisions.put(hash, properties);
        this.rollout = RolloutState.idle(hash, null);
        this.status = new GroupStatus(id, GroupPhase.SCALING, properties.allocation().target(), 0, 0, 0,
                properties.allocation().target(), "", hash, "not observed yet", "", false, false, null);
    }

    synchronized void commit(GroupSpec newSpec, GroupProperties newProperties) {
        String hash = newProperties.configHash();
        boolean retarget = !hash.equals(rollout.targetHash()) || rollout.stage() == RolloutStage.FAILED
                || rollout.stage() == RolloutStage.ROLLED_BACK;
        spec = newSpec;
        properties = newProperties;
        revisions.put(hash, newProperties);
        if (retarget) {
            rollout = RolloutState.idle(hash, provenHash == null || provenHash.equals(hash) ? null : provenHash);
        }
        revisions.keySet().retainAll(new HashSet<>(Arrays.asList(hash, provenHash, rollout.targetHash(),
                rollout.fallbackHash())));
        teardown = false;
        generation++;
    }

    synchronized Snapshot snapshot(Instant now) {
        unseen.values().removeIf(u -> u.provisionedAt().plus(properties.updating().healthyDeadline()).isBefore(now));
        List<PendingProvision> provisions = new ArrayList<>();
        Set<InstanceId> destroying = new HashSet<>();
        for (Running op : running.values()) {
            if (op.destroying() == null) {
                provisions.add(new PendingProvision(op.configHash(), op.logicalId()));
            } else {
                destroying.add(op.destroying());
            }
        }
        Map<InstanceId, PendingProvision> provisioned = new HashMap<>();
        unseen.forEach((instance, u) -> provisioned.put(instance, new PendingProvision(u.configHash(), u.logicalId())));
        GroupProperties target = revisions.getOrDefault(rollout.targetHash(), properties);
        return new Snapshot(generation, spec, properties, target, rollout, mode(), provisions, provisioned,
                destroying, running.size());
    }

    /** Remembers when each member was first known and forgets provisions the provider now lists. */
    synchronized Map<InstanceId, Instant> seen(Set<InstanceId> observed, Instant now) {
        for (InstanceId instance : observed) {
            Unseen provisioned = unseen.remove(instance);
            firstSeen.putIfAbsent(instance, provisioned == null ? now : provisioned.provisionedAt());
        }
        firstSeen.keySet().retainAll(observed);
        return Map.copyOf(firstSeen);
    }

    /** Keeps the plan's outcome unless the group changed meanwhile (then the plan is dropped: false). */
    synchronized boolean accept(Snapshot snapshot, Plan plan, GroupStatus newStatus) {
        if (removed || snapshot.generation() != generation) {
            return false;
        }
        rollout = plan.rollout();
        if (plan.assessment().onTargetAndHealthy() && !teardown) {
            provenHash = rollout.targetHash();
        }
        reconcileFailures = 0;
        status = newStatus.withLastError(newStatus.converged() ? "" : status.lastError());
        return true;
    }

    synchronized long startProvision(String configHash, LogicalId logicalId) {
        running.put(++nextOperation, new Running(configHash, logicalId, null));
        return nextOperation;
    }

    synchronized long startDestroy(InstanceId instance) {
        running.put(++nextOperation, new Running(null, null, instance));
        return nextOperation;
    }

    synchronized boolean isDestroying(InstanceId instance) {
        return running.values().stream().anyMatch(op -> instance.equals(op.destroying()));
    }

    synchronized void provisioned(long operation, InstanceId instance, Instant now) {
        Running op = running.remove(operation);
        if (op != null && instance != null) {
            unseen.put(instance, new Unseen(op.configHash(), op.logicalId(), now));
        }
    }

    synchronized void finished(long operation) {
        running.remove(operation);
    }

    /** A destroy in a rolling update failed: the rollout stops there, as in InfraKit. */
    synchronized void failRollout(String targetHash, String why) {
        if (rollout.targetHash().equals(targetHash) && rollout.stage().isActive()) {
            rollout = rollout.failed(why);
        }
    }

    /** Counts a failed reconcile, shows it in the status, and tells how many failed in a row. */
    synchronized int reconcileFailed(String error) {
        status = status.withLastError(error);
        return ++reconcileFailures;
    }

    /** Counts a failed plugin operation, shows it in the status, and tells how many failed in a row. */
    synchronized int operationFailed(String error) {
        status = status.withLastError(error);
        return ++operationFailures;
    }

    synchronized void operationSucceeded() {
        operationFailures = 0;
    }

    synchronized GroupStatus status() {
        return status;
    }

    synchronized GroupSpec spec() {
        return spec;
    }

    synchronized GroupProperties properties() {
        return properties;
    }

    synchronized RolloutState rollout() {
        return rollout;
    }

    synchronized String provenHash() {
        return provenHash;
    }

    synchronized void paused(boolean value) {
        paused = value;
    }

    synchronized boolean isPaused() {
        return paused;
    }

    synchronized void beginTeardown() {
        teardown = true;
        generation++;
    }

    synchronized boolean isTornDown() {
        return teardown && running.isEmpty() && unseen.isEmpty();
    }

    synchronized void remove() {
        removed = true;
        generation++;
        if (resync != null) {
            resync.cancel(false);
        }
    }

    synchronized boolean isRemoved() {
        return removed;
    }

    synchronized void resync(ScheduledFuture<?> future) {
        resync = future;
    }

    private Mode mode() {
        return teardown ? Mode.TEARDOWN : paused ? Mode.PAUSED : Mode.RUN;
    }
}
