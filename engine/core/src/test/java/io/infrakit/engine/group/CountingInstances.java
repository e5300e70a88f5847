package io.infrakit.engine.group;

import io.infrakit.spi.Any;
import io.infrakit.spi.PluginException;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.instance.InstanceSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Any instance plugin, with the calls that change instances recorded; label can be refused, as some plugins do. */
final class CountingInstances implements InstancePlugin {

    private final InstancePlugin delegate;
    private final boolean canLabel;
    private final List<InstanceSpec> provisioned = new ArrayList<>();
    private final List<InstanceId> destroyed = new ArrayList<>();
    private final List<InstanceId> labelled = new ArrayList<>();

    CountingInstances(InstancePlugin delegate, boolean canLabel) {
        this.delegate = delegate;
        this.canLabel = canLabel;
    }

    @Override
    public void validate(Any properties) {
        delegate.validate(properties);
    }

    @Override
    public synchronized InstanceId provision(InstanceSpec spec) {
        provisioned.add(spec);
        return delegate.provision(spec);
    }

    @Override
    public synchronized void label(InstanceId id, Map<String, String> labels) {
        if (!canLabel) {
            throw new PluginException("counting", "label", "this plugin cannot label instances");
        }
        labelled.add(id);
        delegate.label(id, labels);
    }

    @Override
    public synchronized void destroy(InstanceId id, DestroyReason reason) {
        destroyed.add(id);
        delegate.destroy(id, reason);
    }

    @Override
    public List<InstanceDescription> describeInstances(Map<String, String> tags, boolean properties) {
        return delegate.describeInstances(tags, properties);
    }

    synchronized List<InstanceSpec> provisioned() {
        return List.copyOf(provisioned);
    }

    synchronized List<InstanceId> destroyed() {
        return List.copyOf(destroyed);
    }

    synchronized List<InstanceId> labelled() {
        return List.copyOf(labelled);
    }
}
