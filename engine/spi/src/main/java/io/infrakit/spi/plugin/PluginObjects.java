package io.infrakit.spi.plugin;

import io.infrakit.spi.InterfaceSpec;
import io.infrakit.spi.flavor.FlavorPlugin;
import io.infrakit.spi.group.GroupPlugin;
import io.infrakit.spi.group.RolloutControl;
import io.infrakit.spi.instance.InstancePlugin;

import java.util.Map;
import java.util.Comparator;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.TreeMap;

/**
 * The objects one plugin exposes, keyed by type; the empty type is the default object (InfraKit's {@code .}).
 * {@code aws} would expose instances {@code ec2-instance}, {@code ec2-volume}, ... under one socket.
 */
public record PluginObjects(Map<String, InstancePlugin> instances,
                            Map<String, FlavorPlugin> flavors,
                            Map<String, GroupPlugin> groups) {

    public static final String DEFAULT_TYPE = "";

    public PluginObjects {
        instances = instances == null ? Map.of() : Map.copyOf(instances);
        flavors = flavors == null ? Map.of() : Map.copyOf(flavors);
        groups = groups == null ? Map.of() : Map.copyOf(groups);
    }

    public static PluginObjects instance(InstancePlugin plugin) {
        return new PluginObjects(Map.of(DEFAULT_TYPE, plugin), Map.of(), Map.of());
    }

    public static PluginObjects flavor(FlavorPlugin plugin) {
        return new PluginObjects(Map.of(), Map.of(DEFAULT_TYPE, plugin), Map.of());
    }

    public static PluginObjects group(GroupPlugin plugin) {
        return new PluginObjects(Map.of(), Map.of(), Map.of(DEFAULT_TYPE, plugin));
    }

    /** For each interface, the types that implement it, as Handshake.Hello reports them. */
    public SortedMap<InterfaceSpec, SortedSet<String>> implemented() {
        SortedMap<InterfaceSpec, SortedSet<String>> result =
                new TreeMap<>(Comparator.comparing(InterfaceSpec::encoded));
        if (!instances.isEmpty()) {
            result.put(InstancePlugin.INTERFACE, new TreeSet<>(instances.keySet()));
        }
        if (!flavors.isEmpty()) {
            result.put(FlavorPlugin.INTERFACE, new TreeSet<>(flavors.keySet()));
        }
        if (!groups.isEmpty()) {
            result.put(GroupPlugin.INTERFACE, new TreeSet<>(groups.keySet()));
        }
        SortedSet<String> rollouts = new TreeSet<>();
        groups.forEach((type, group) -> {
            if (group instanceof RolloutControl) {
                rollouts.add(type);
            }
        });
        if (!rollouts.isEmpty()) {
            result.put(RolloutControl.INTERFACE, rollouts);
        }
        return result;
    }
}
