package io.infrakit.spi.flavor;

import io.infrakit.spi.Any;
import io.infrakit.spi.InterfaceSpec;
import io.infrakit.spi.group.Allocation;
import io.infrakit.spi.group.Index;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceSpec;

/** Shapes what runs on an instance: prepares its spec, judges its health and drains it before it is destroyed. */
public interface FlavorPlugin {

    InterfaceSpec INTERFACE = new InterfaceSpec("Flavor", "0.1.1");

    void validate(Any properties, Allocation allocation);

    InstanceSpec prepare(Any properties, InstanceSpec spec, Allocation allocation, Index index);

    Health healthy(Any properties, InstanceDescription instance);

    /** Best-effort clean-up before the instance is destroyed. */
    void drain(Any properties, InstanceDescription instance);
}
