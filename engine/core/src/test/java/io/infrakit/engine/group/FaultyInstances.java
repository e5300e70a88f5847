package io.infrakit.engine.group;

import io.infrakit.spi.Any;
import io.infrakit.spi.PluginException;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.instance.InstanceSpec;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Wraps the fake instance plugin with the failures the controller must survive: destroys of chosen instances,
 * and seeded random failures of provisions, destroys and describes. It also records the most instances that ever
 * existed at once.
 */
final class FaultyInstances implements InstancePlugin {

    private final InstancePlugin delegate;
    private final Set<InstanceId> resisting = new HashSet<>();
    private Random random = new Random(0);
    private double provisionFailures;
    private double destroyFailures;
    private double describeFailures;
    private int mostAlive;
    private int leastAliveAfterDestroy = Integer.MAX_VALUE;

    FaultyInstances(InstancePlugin delegate) {
        this.delegate = delegate;
    }

    synchronized FaultyInstances resistDestroy(InstanceId id) {
        resisting.add(id);
        return this;
    }

    synchronized FaultyInstances yieldDestroy(InstanceId id) {
        resisting.remove(id);
        return this;
    }

    synchronized FaultyInstances randomly(long seed, double provisions, double destroys, double describes) {
        random = new Random(seed);
        provisionFailures = provisions;
        destroyFailures = destroys;
        describeFailures = describes;
        return this;
    }

    synchronized int mostAlive() {
        return mostAlive;
    }

    /** The fewest instances left right after a destroy, since the last reset. */
    synchronized int leastAliveAfterDestroy() {
        return leastAliveAfterDestroy;
    }

    synchronized void resetCounts() {
        mostAlive = delegate.describeInstances(Map.of(), false).size();
        leastAliveAfterDestroy = Integer.MAX_VALUE;
    }

    @Override
    public void validate(Any properties) {
        delegate.validate(properties);
    }

    @Override
    public synchronized InstanceId provision(InstanceSpec spec) {
        if (random.nextDouble() < provisionFailures) {
            throw new PluginException("fake", "provision", "injected provision failure");
        }
        InstanceId id = delegate.provision(spec);
        mostAlive = Math.max(mostAlive, delegate.describeInstances(Map.of(), false).size());
        return id;
    }

    @Override
    public synchronized void label(InstanceId id, Map<String, String> labels) {
        delegate.label(id, labels);
    }

    @Override
    public synchronized void destroy(InstanceId id, DestroyReason reason) {
        if (resisting.contains(id) || random.nextDouble() < destroyFailures) {
            throw new PluginException("fake", "destroy", "injected destroy failure");
        }
        delegate.destroy(id, reason);
        leastAliveAfterDestroy = Math.min(leastAliveAfterDestroy, delegate.describeInstances(Map.of(), false).size());
    }

    @Override
    public synchronized List<InstanceDescription> describeInstances(Map<String, String> tags, boolean properties) {
        if (random.nextDouble() < describeFailures) {
            throw new PluginException("fake", "describe", "injected describe failure");
        }
        return delegate.describeInstances(tags, properties);
    }
}
