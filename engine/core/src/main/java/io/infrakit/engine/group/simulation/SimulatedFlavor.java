package io.infrakit.engine.group.simulation;

import io.infrakit.spi.Any;
import io.infrakit.spi.flavor.FlavorPlugin;
import io.infrakit.spi.flavor.Health;
import io.infrakit.spi.group.Allocation;
import io.infrakit.spi.group.Index;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceSpec;

import java.time.Clock;

/**
 * The flavor of the simulation: prepares nothing, drains nothing, and calls an instance healthy from the moment
 * its time-to-healthy has passed since it was provisioned (Unknown before, as a real health check that does not
 * answer yet).
 */
final class SimulatedFlavor implements FlavorPlugin {

    private final Clock clock;
    private final SimulatedInstances instances;

    SimulatedFlavor(Clock clock, SimulatedInstances instances) {
        this.clock = clock;
        this.instances = instances;
    }

    @Override
    public void validate(Any properties, Allocation allocation) {
        // Any properties: the real plugins validated the spec before the simulation started.
    }

    @Override
    public InstanceSpec prepare(Any properties, InstanceSpec spec, Allocation allocation, Index index) {
        return spec;
    }

    @Override
    public Health healthy(Any properties, InstanceDescription instance) {
        return instances.readyAt(instance.id())
                .map(ready -> ready.isAfter(clock.instant()) ? Health.UNKNOWN : Health.HEALTHY)
                .orElse(Health.UNKNOWN);
    }

    @Override
    public void drain(Any properties, InstanceDescription instance) {
        // Nothing runs on a simulated instance.
    }
}
