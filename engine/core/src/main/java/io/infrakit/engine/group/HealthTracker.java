package io.infrakit.engine.group;

import io.infrakit.spi.instance.InstanceId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which members were healthy at the last observation, to tell who became healthy since, and how long the members
 * this controller provisioned took to appear and to become healthy.
 */
final class HealthTracker {

    private Timings timings = Timings.NONE;
    private Set<InstanceId> healthy = Set.of();
    private boolean observedOnce;
    private final Map<InstanceId, Instant> awaitingHealth = new HashMap<>();

    /** A member this controller provisioned is listed by the provider for the first time. */
    synchronized void appeared(InstanceId instance, Duration provisionTook, Instant now) {
        timings = timings.withProvision(provisionTook);
        awaitingHealth.put(instance, now);
    }

    /**
     * Takes the members healthy now; returns those that became healthy since the last observation, sorted (none at
     * the first one: those were healthy before the controller looked).
     */
    synchronized List<InstanceId> observed(Set<InstanceId> members, Set<InstanceId> healthyNow, Instant now) {
        List<InstanceId> newly = new ArrayList<>();
        for (InstanceId instance : healthyNow) {
            if (observedOnce && !healthy.contains(instance)) {
                newly.add(instance);
            }
            Instant appearedAt = awaitingHealth.remove(instance);
            if (appearedAt != null) {
                timings = timings.withHealth(Duration.between(appearedAt, now));
            }
        }
        awaitingHealth.keySet().retainAll(members);
        healthy = Set.copyOf(healthyNow);
        observedOnce = true;
        newly.sort(null);
        return newly;
    }

    synchronized Timings timings() {
        return timings;
    }
}
