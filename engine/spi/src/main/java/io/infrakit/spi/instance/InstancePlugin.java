package io.infrakit.spi.instance;

import io.infrakit.spi.Any;
import io.infrakit.spi.InterfaceSpec;

import java.util.List;
import java.util.Map;

/** Creates, tags, describes and destroys one kind of resource. The provider's tags are the instance's only state. */
public interface InstancePlugin {

    InterfaceSpec INTERFACE = new InterfaceSpec("Instance", "0.6.1");

    /** Checks the plugin's properties before anything is created; throws InvalidSpecException naming the problem. */
    void validate(Any properties);

    InstanceId provision(InstanceSpec spec);

    /** Merges the labels into the instance's tags. */
    void label(InstanceId id, Map<String, String> labels);

    void destroy(InstanceId id, DestroyReason reason);

    /** The instances that carry all of the given tags; with properties, each with the provider's state. */
    List<InstanceDescription> describeInstances(Map<String, String> tags, boolean properties);
}
