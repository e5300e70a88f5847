package io.infrakit.engine.group;

import io.infrakit.engine.group.plan.PendingProvision;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.LogicalId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One group's plugin operations under way, the provisions that returned before the provider lists their instance,
 * and when each member was first known. Not thread-safe: used only under its {@link GroupState}'s lock.
 */
final class InFlightOperations {

    /** A provision or destroy under way. */
    private record Running(String configHash, LogicalId logicalId, InstanceId destroying, Instant startedAt) {
    }

    /** A provision that returned before its instance is listed by the provider. */
    private record Unseen(String configHash, LogicalId logicalId, Instant provisionedAt, Instant startedAt) {
    }

    private long nextOperation;
    private final Map<Long, Running> running = new HashMap<>();
    private final Map<InstanceId, Unseen> unseen = new HashMap<>();
    private final Map<InstanceId, Instant> firstSeen = new HashMap<>();

    long startProvision(String configHash, LogicalId logicalId, Instant now) {
        running.put(++nextOperation, new Running(configHash, logicalId, null, now));
        return nextOperation;
    }

    long startDestroy(InstanceId instance) {
        running.put(++nextOperation, new Running(null, null, instance, null));
        return nextOperation;
    }

    boolean isDestroying(InstanceId instance) {
        return running.values().stream().anyMatch(op -> instance.equals(op.destroying()));
    }

    void provisioned(long operation, InstanceId instance, Instant now) {
        Running op = running.remove(operation);
        if (op != null && instance != null) {
            unseen.put(instance, new Unseen(op.configHash(), op.logicalId(), now, op.startedAt()));
        }
    }

    void finished(long operation) {
        running.remove(operation);
    }

    /** Gives up waiting for the instances of provisions that returned longer than the deadline ago. */
    void forgetUnseenOlderThan(Duration deadline, Instant now) {
        unseen.values().removeIf(u -> u.provisionedAt().plus(deadline).isBefore(now));
    }

    List<PendingProvision> runningProvisions() {
        List<PendingProvision> provisions = new ArrayList<>();
        for (Running op : running.values()) {
            if (op.destroying() == null) {
                provisions.add(new PendingProvision(op.configHash(), op.logicalId()));
            }
        }
        return provisions;
    }

    Map<InstanceId, PendingProvision> unseenProvisions() {
        Map<InstanceId, PendingProvision> provisioned = new HashMap<>();
        unseen.forEach((instance, u) -> provisioned.put(instance, new PendingProvision(u.configHash(), u.logicalId())));
        return provisioned;
    }

    Set<InstanceId> destroying() {
        Set<InstanceId> destroying = new HashSet<>();
        for (Running op : running.values()) {
            if (op.destroying() != null) {
                destroying.add(op.destroying());
            }
        }
        return destroying;
    }

    int runningCount() {
        return running.size();
    }

    boolean isEmpty() {
        return running.isEmpty() && unseen.isEmpty();
    }

    /**
     * Remembers when each member was first known and forgets provisions the provider now lists, measuring how long
     * they took to show up.
     */
    Map<InstanceId, Instant> seen(Set<InstanceId> observed, Instant now, HealthTracker health) {
        for (InstanceId instance : observed) {
            Unseen provisioned = unseen.remove(instance);
            if (provisioned != null) {
                health.appeared(instance, Duration.between(provisioned.startedAt(), now), now);
            }
            firstSeen.putIfAbsent(instance, provisioned == null ? now : provisioned.provisionedAt());
        }
        firstSeen.keySet().retainAll(observed);
        return Map.copyOf(firstSeen);
    }
}
