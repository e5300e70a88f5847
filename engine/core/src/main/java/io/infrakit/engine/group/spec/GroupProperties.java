package io.infrakit.engine.group.spec;

import java.util.Objects;

/** The group plugin's properties of a group spec, decoded: InfraKit's four sections, with our additions. */
public record GroupProperties(AllocationSpec allocation, PluginSection instance, PluginSection flavor,
                              UpdatingSpec updating) {

    public GroupProperties {
        Objects.requireNonNull(allocation, "allocation");
        instance = Objects.requireNonNullElse(instance, new PluginSection("", null));
        flavor = Objects.requireNonNullElse(flavor, new PluginSection("", null));
        updating = Objects.requireNonNullElse(updating, UpdatingSpec.defaults());
    }

    /** The hash of the Instance and Flavor sections: instances that carry it are up to date. */
    public String configHash() {
        return ConfigHash.of(instance, flavor);
    }

    /** The hash this project wrote before it matched InfraKit's: read only, to take over what it tagged. */
    public String legacyConfigHash() {
        return LegacyConfigHash.of(instance, flavor);
    }

    public GroupProperties withAllocation(AllocationSpec newAllocation) {
        return new GroupProperties(newAllocation, instance, flavor, updating);
    }
}
