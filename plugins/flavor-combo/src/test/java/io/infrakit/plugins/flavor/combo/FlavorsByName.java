package io.infrakit.plugins.flavor.combo;

import io.infrakit.spi.PluginName;
import io.infrakit.spi.PluginNotFoundException;
import io.infrakit.spi.flavor.FlavorPlugin;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.plugin.PluginLookup;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** A lookup of flavors by name, as the manager's lookup answers: a missing name lists the known ones. */
record FlavorsByName(Map<String, FlavorPlugin> flavors) implements PluginLookup {

    @Override
    public InstancePlugin instance(PluginName name) {
        throw new PluginNotFoundException(name.toString(), List.of());
    }

    @Override
    public FlavorPlugin flavor(PluginName name) {
        FlavorPlugin flavor = flavors.get(name.toString());
        if (flavor == null) {
            throw new PluginNotFoundException(name.toString(), List.copyOf(new TreeSet<>(flavors.keySet())));
        }
        return flavor;
    }
}
