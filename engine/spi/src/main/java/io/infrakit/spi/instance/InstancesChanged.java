package io.infrakit.spi.instance;

import java.util.Set;

/**
 * A notice of {@link InstanceChangeNotices}: the instances seen to appear, change or vanish, when the plugin can
 * tell which; empty when it cannot.
 */
public record InstancesChanged(Set<InstanceId> instances) {

    public InstancesChanged {
        instances = instances == null ? Set.of() : Set.copyOf(instances);
    }

    public static InstancesChanged of(InstanceId... instances) {
        return new InstancesChanged(Set.of(instances));
    }
}
