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
import java.util.Set;

/**
 * Wraps the fake instance plugin with the failures the controller must survive: destroys of chosen instances fail.
 * It also records the most instances that ever existed at once. (Random faults are the simulator's: see
 * {@link GroupControllerFaultTest}.)
 */
final class FaultyInstances implements InstancePlugin {

    private final InstancePlugin delegate;
    private final Set<InstanceId> resisting = new HashSet<>();
    private int mostAlive;

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

    synchronized int mostAlive() {
        return mostAlive;
    }

    @Override
    public void validate(Any properties) {
        delegate.validate(properties);
    }

    @Override
    public synchronized InstanceId provision(InstanceSpec spec) {
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
        if (resisting.contains(id)) {
            throw new PluginException("fake", "destroy", "injected destroy failure");
        }
        delegate.destroy(id, reason);
    }

    @Override
    public synchronized List<InstanceDescription> describeInstances(Map<String, String> tags, boolean properties) {
        return delegate.describeInstances(tags, properties);
    }
}
