package io.infrakit.engine.group;

import io.infrakit.spi.PluginName;
import io.infrakit.spi.PluginNotFoundException;
import io.infrakit.spi.flavor.FlavorPlugin;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.plugin.PluginLookup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** A plugin lookup over plugins a test registers by name. */
final class MapLookup implements PluginLookup {

    private final Map<String, InstancePlugin> instances = new HashMap<>();
    private final Map<String, FlavorPlugin> flavors = new HashMap<>();

    MapLookup instance(String name, InstancePlugin plugin) {
        instances.put(name, plugin);
        return this;
    }

    MapLookup flavor(String name, FlavorPlugin plugin) {
        flavors.put(name, plugin);
        return this;
    }

    @Override
    public InstancePlugin instance(PluginName name) {
        InstancePlugin plugin = instances.get(name.toString());
        if (plugin == null) {
            throw new PluginNotFoundException(name.toString(), List.copyOf(new TreeSet<>(instances.keySet())));
        }
        return plugin;
    }

    @Override
    public FlavorPlugin flavor(PluginName name) {
        FlavorPlugin plugin = flavors.get(name.toString());
        if (plugin == null) {
            throw new PluginNotFoundException(name.toString(), List.copyOf(new TreeSet<>(flavors.keySet())));
        }
        return plugin;
    }
}
