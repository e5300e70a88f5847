package io.infrakit.engine.group;

import io.infrakit.plugins.instance.simulator.SimulatorInstancePlugin;
import io.infrakit.spi.Any;
import io.infrakit.spi.PluginException;
import io.infrakit.spi.Tags;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.instance.InstanceSpec;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The simulator as the controller sees it, watched from outside: right after every provision and destroy it
 * records how many instances exist and how many are healthy, so a test can tell what held at every moment. An
 * instance is healthy once it has existed for the warm-up time, unless its config is one marked as never healthy;
 * the test's flavor answers from the same rule. The plugin's injected failures are counted by operation.
 */
final class WatchedInstances implements InstancePlugin {

    private final SimulatorInstancePlugin simulator;
    private final Clock clock;
    private final Duration warmUp;
    private final Map<InstanceId, Instant> appearedAt = new HashMap<>();
    private final Map<InstanceId, String> configOf = new HashMap<>();
    private final Set<String> neverHealthy = new HashSet<>();
    private final Map<String, Integer> failures = new HashMap<>();
    private int mostAlive;
    private int fewestHealthyAfterDestroy = Integer.MAX_VALUE;

    WatchedInstances(SimulatorInstancePlugin simulator, Clock clock, Duration warmUp) {
        this.simulator = simulator;
        this.clock = clock;
        this.warmUp = warmUp;
    }

    synchronized void neverHealthy(String configHash) {
        neverHealthy.add(configHash);
    }

    synchronized boolean isHealthy(InstanceId id) {
        Instant appeared = appearedAt.get(id);
        return appeared != null && !neverHealthy.contains(configOf.get(id))
                && !clock.instant().isBefore(appeared.plus(warmUp));
    }

    /** How many instances the simulator holds now, asked without going through the plugin's failing describe. */
    int alive() {
        return simulator.size();
    }

    /** How many instances exist with this config hash. */
    synchronized int aliveWith(String configHash) {
        return (int) configOf.values().stream().filter(configHash::equals).count();
    }

    synchronized int healthy() {
        return (int) appearedAt.keySet().stream().filter(this::isHealthy).count();
    }

    /** The most instances that existed at once since the last reset. */
    synchronized int mostAlive() {
        return mostAlive;
    }

    /** The fewest healthy instances left right after a destroy, since the last reset. */
    synchronized int fewestHealthyAfterDestroy() {
        return fewestHealthyAfterDestroy;
    }

    /** Starts watching afresh from what exists now. */
    synchronized void reset() {
        mostAlive = alive();
        fewestHealthyAfterDestroy = Integer.MAX_VALUE;
    }

    /** How many calls of this operation (provision, destroy, describe) the simulator failed. */
    synchronized int failures(String operation) {
        return failures.getOrDefault(operation, 0);
    }

    @Override
    public void validate(Any properties) {
        simulator.validate(properties);
    }

    @Override
    public InstanceId provision(InstanceSpec spec) {
        InstanceId id = counted("provision", () -> simulator.provision(spec));
        synchronized (this) {
            appearedAt.put(id, clock.instant());
            configOf.put(id, spec.tags().get(Tags.CONFIG_HASH));
            mostAlive = Math.max(mostAlive, alive());
        }
        return id;
    }

    @Override
    public void label(InstanceId id, Map<String, String> labels) {
        simulator.label(id, labels);
    }

    @Override
    public void destroy(InstanceId id, DestroyReason reason) {
        counted("destroy", () -> {
            simulator.destroy(id, reason);
            return null;
        });
        synchronized (this) {
            appearedAt.remove(id);
            configOf.remove(id);
            fewestHealthyAfterDestroy = Math.min(fewestHealthyAfterDestroy, healthy());
        }
    }

    @Override
    public List<InstanceDescription> describeInstances(Map<String, String> tags, boolean properties) {
        return counted("describe", () -> simulator.describeInstances(tags, properties));
    }

    private <T> T counted(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (PluginException e) {
            synchronized (this) {
                failures.merge(operation, 1, Integer::sum);
            }
            throw e;
        }
    }
}
