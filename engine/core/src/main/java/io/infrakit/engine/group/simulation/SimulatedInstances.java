package io.infrakit.engine.group.simulation;

import io.infrakit.spi.Any;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceNotFoundException;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.instance.InstanceSpec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cloud in memory for the simulation: instances with their tags and the virtual time they were provisioned at.
 * Every provision and destroy is reported to the {@link ScheduleRecorder}; the most instances ever alive at once
 * are counted. Never fails: the simulation predicts a rollout's schedule, not the provider's faults.
 */
final class SimulatedInstances implements InstancePlugin {

    /** One simulated instance; {@code readyAt} is when its flavor starts to call it healthy. */
    private record Simulated(InstanceDescription description, Instant readyAt) {
    }

    private final VirtualClock clock;
    private final Duration healthyTime;
    private final ScheduleRecorder recorder;
    private final Map<InstanceId, Simulated> instances = new LinkedHashMap<>();
    private long nextId;
    private int mostAlive;

    SimulatedInstances(VirtualClock clock, Duration healthyTime, ScheduleRecorder recorder) {
        this.clock = clock;
        this.healthyTime = healthyTime;
        this.recorder = recorder;
    }

    /** Adds an instance that already runs and is healthy, as the group's current members do. */
    synchronized void existing(InstanceDescription member) {
        instances.put(member.id(), new Simulated(member.withoutProperties(), Instant.MIN));
        mostAlive = Math.max(mostAlive, instances.size());
    }

    @Override
    public void validate(Any properties) {
        // Any properties: the real plugins validated the spec before the simulation started.
    }

    @Override
    public synchronized InstanceId provision(InstanceSpec spec) {
        InstanceId id;
        do {
            id = InstanceId.of(String.format("sim-%06d", ++nextId));
        } while (instances.containsKey(id));
        Instant now = clock.instant();
        instances.put(id, new Simulated(new InstanceDescription(id, spec.logicalId(), spec.tags(), null),
                now.plus(healthyTime)));
        mostAlive = Math.max(mostAlive, instances.size());
        recorder.provisioned();
        return id;
    }

    @Override
    public synchronized void label(InstanceId id, Map<String, String> labels) {
        Simulated instance = instances.get(id);
        if (instance == null) {
            throw new InstanceNotFoundException(id);
        }
        Map<String, String> tags = new HashMap<>(instance.description().tags());
        tags.putAll(labels);
        InstanceDescription before = instance.description();
        instances.put(id, new Simulated(new InstanceDescription(id, before.logicalId(), tags, null),
                instance.readyAt()));
    }

    @Override
    public synchronized void destroy(InstanceId id, DestroyReason reason) {
        Simulated gone = instances.remove(id);
        if (gone == null) {
            throw new InstanceNotFoundException(id);
        }
        recorder.destroyed(reason);
    }

    @Override
    public synchronized List<InstanceDescription> describeInstances(Map<String, String> tags, boolean properties) {
        List<InstanceDescription> matching = new ArrayList<>(instances.size());
        for (Simulated instance : instances.values()) {
            if (instance.description().matches(tags)) {
                matching.add(instance.description());
            }
        }
        return matching;
    }

    /** When the instance becomes healthy; empty for an unknown instance. */
    synchronized Optional<Instant> readyAt(InstanceId id) {
        Simulated instance = instances.get(id);
        return instance == null ? Optional.empty() : Optional.of(instance.readyAt());
    }

    synchronized int alive() {
        return instances.size();
    }

    synchronized int mostAlive() {
        return mostAlive;
    }
}
