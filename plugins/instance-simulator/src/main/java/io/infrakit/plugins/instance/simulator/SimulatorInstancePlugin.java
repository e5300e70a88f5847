package io.infrakit.plugins.instance.simulator;

import io.infrakit.common.InstanceChangeListeners;
import io.infrakit.spi.Any;
import io.infrakit.spi.PluginException;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceChangeNotices;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceNotFoundException;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.spi.instance.InstancesChanged;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;

/**
 * One store of simulated instances, held in memory: InfraKit's {@code simulator} plugin. It is deterministic for
 * a seed (the same seed and the same calls give the same IDs and the same failures), simulates provision and
 * destroy latency through a {@link Sleeper}, fails a share of provisions, destroys and describes, and refuses to
 * grow past its capacity. Describe with properties returns the properties the instance was provisioned with.
 * Subscribers are told of every instance that vanishes: destroyed by any caller, or killed as a fault.
 */
public final class SimulatorInstancePlugin implements InstancePlugin, InstanceChangeNotices {

    private final String name;
    private final String idPrefix;
    private final SimulatorSettings settings;
    private final Sleeper sleeper;
    private final InstanceTable table = new InstanceTable();
    private final InstanceChangeListeners listeners = new InstanceChangeListeners();
    private final Object provisioning = new Object();
    private final Random ids;
    private final Random failures;
    private final Random destroyFailures;
    private final Random describeFailures;

    /**
     * @param type     the store's type, such as {@code compute}; empty for the plugin's default store
     * @param settings how the store behaves
     * @param sleeper  waits out the simulated latency
     */
    public SimulatorInstancePlugin(String type, SimulatorSettings settings, Sleeper sleeper) {
        Objects.requireNonNull(type, "type");
        this.name = new PluginName(SimulatorPluginProvider.NAME, type).toString();
        this.idPrefix = type.isEmpty() ? "instance" : type;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        // Stores of different types draw from different sequences, so they stay independent of each other.
        long storeSeed = settings.seed() * 31 + type.hashCode();
        this.ids = new Random(storeSeed);
        this.failures = new Random(~storeSeed);
        // One sequence per kind of call, so how often the controller describes never changes which destroy fails.
        this.destroyFailures = new Random(storeSeed * 31 + 1);
        this.describeFailures = new Random(storeSeed * 31 + 2);
    }

    /** The default store, waiting for real. */
    public SimulatorInstancePlugin(SimulatorSettings settings) {
        this("", settings, Sleeper.real());
    }

    @Override
    public void validate(Any properties) {
        SimulatorProperties.parse(properties, settings);
    }

    @Override
    public InstanceId provision(InstanceSpec spec) {
        SimulatorProperties properties = SimulatorProperties.parse(spec.properties(), settings);
        pause(properties.provisionDelay());
        synchronized (provisioning) {
            if (table.size() >= properties.capacity()) {
                throw new PluginException(name, "provision",
                        "simulator capacity of " + properties.capacity() + " instances reached");
            }
            if (fails(failures, settings.failureRate())) {
                throw new PluginException(name, "provision",
                        "simulated provision failure (failure rate " + settings.failureRate() + ")");
            }
            InstanceId id = newId();
            table.put(new SimulatedInstance(id, spec.logicalId(), spec.tags(), spec.properties()));
            return id;
        }
    }

    @Override
    public void label(InstanceId id, Map<String, String> labels) {
        table.update(id, instance -> instance.withMergedTags(labels))
                .orElseThrow(() -> new InstanceNotFoundException(id));
    }

    @Override
    public void destroy(InstanceId id, DestroyReason reason) {
        if (!table.contains(id)) {
            throw new InstanceNotFoundException(id);
        }
        pause(settings.destroyDelay());
        if (fails(destroyFailures, settings.destroyFailureRate())) {
            throw new PluginException(name, "destroy",
                    "simulated destroy failure of " + id + " (failure rate " + settings.destroyFailureRate() + ")");
        }
        table.remove(id).orElseThrow(() -> new InstanceNotFoundException(id));
        listeners.tell(InstancesChanged.of(id));
    }

    /** The instance dies by itself, as a crashed machine does: no latency, no injected failure. */
    public void kill(InstanceId id) {
        table.remove(id).orElseThrow(() -> new InstanceNotFoundException(id));
        listeners.tell(InstancesChanged.of(id));
    }

    @Override
    public Subscription subscribe(Consumer<InstancesChanged> listener) {
        return listeners.subscribe(listener);
    }

    /** The matching instances, sorted by ID. */
    @Override
    public List<InstanceDescription> describeInstances(Map<String, String> tags, boolean properties) {
        if (fails(describeFailures, settings.describeFailureRate())) {
            throw new PluginException(name, "describe",
                    "simulated describe failure (failure rate " + settings.describeFailureRate() + ")");
        }
        return table.matching(tags).stream()
                .map(instance -> instance.describe(properties))
                .toList();
    }

    /** How many instances the store holds. */
    public int size() {
        return table.size();
    }

    private InstanceId newId() {
        InstanceId id;
        do {
            id = InstanceId.of(String.format("%s-%012x", idPrefix, ids.nextLong() >>> 16));
        } while (table.contains(id));
        return id;
    }

    private static boolean fails(Random sequence, double rate) {
        return rate > 0 && sequence.nextDouble() < rate;
    }

    private void pause(Duration delay) {
        if (!delay.isZero()) {
            sleeper.sleep(delay);
        }
    }
}
