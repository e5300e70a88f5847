package io.infrakit.rpc;

import io.infrakit.spi.Any;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.PluginException;
import io.infrakit.spi.flavor.FlavorPlugin;
import io.infrakit.spi.flavor.Health;
import io.infrakit.spi.group.Allocation;
import io.infrakit.spi.group.Index;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceSpec;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A flavor that tags what it prepares and reads health from an instance's {@code health} tag. */
final class FakeFlavorPlugin implements FlavorPlugin {

    private final List<InstanceId> drained = new CopyOnWriteArrayList<>();

    @Override
    public void validate(Any properties, Allocation allocation) {
        if (allocation.size() == 0 && allocation.logicalIds().isEmpty()) {
            throw new InvalidSpecException("Allocation: either Size or LogicalIDs");
        }
    }

    @Override
    public InstanceSpec prepare(Any properties, InstanceSpec spec, Allocation allocation, Index index) {
        String role = properties.node().path("Role").asText("none");
        InstanceSpec prepared = spec.withTags(Map.of("role", role))
                .withInit("join " + index.group() + " #" + index.sequence());
        return allocation.logicalIds().isEmpty() ? prepared : prepared.withLogicalId(allocation.logicalIds().get(0));
    }

    @Override
    public Health healthy(Any properties, InstanceDescription instance) {
        return switch (instance.tags().getOrDefault("health", "")) {
            case "healthy" -> Health.HEALTHY;
            case "unhealthy" -> Health.UNHEALTHY;
            default -> Health.UNKNOWN;
        };
    }

    @Override
    public void drain(Any properties, InstanceDescription instance) {
        if ("refuse".equals(instance.tags().get("drain"))) {
            throw new PluginException("fake-flavor", "drain", "node " + instance.id() + " refused to drain");
        }
        drained.add(instance.id());
    }

    List<InstanceId> drained() {
        return List.copyOf(drained);
    }
}
