package io.infrakit.plugins.instance.simulator;

import io.infrakit.spi.Any;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.LogicalId;

import java.util.HashMap;
import java.util.Map;

/**
 * One simulated instance, kept small because a simulator holds many: the properties are the spec's own object,
 * shared by every instance provisioned from the same spec.
 */
record SimulatedInstance(InstanceId id, LogicalId logicalId, Map<String, String> tags, Any properties) {

    SimulatedInstance {
        tags = Map.copyOf(tags);
    }

    boolean matches(Map<String, String> wanted) {
        for (Map.Entry<String, String> tag : wanted.entrySet()) {
            if (!tag.getValue().equals(tags.get(tag.getKey()))) {
                return false;
            }
        }
        return true;
    }

    SimulatedInstance withMergedTags(Map<String, String> labels) {
        Map<String, String> merged = new HashMap<>(tags);
        merged.putAll(labels);
        return new SimulatedInstance(id, logicalId, merged, properties);
    }

    InstanceDescription describe(boolean withProperties) {
        return new InstanceDescription(id, logicalId, tags, withProperties ? properties : Any.empty());
    }
}
