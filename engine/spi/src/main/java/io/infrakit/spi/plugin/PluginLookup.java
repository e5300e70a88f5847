package io.infrakit.spi.plugin;

import io.infrakit.spi.PluginName;
import io.infrakit.spi.PluginNotFoundException;
import io.infrakit.spi.flavor.FlavorPlugin;
import io.infrakit.spi.instance.InstancePlugin;

import java.util.List;

/**
 * How a plugin finds other plugins by name ({@code lookup[/type]}), in this process or behind a socket. The group
 * controller uses it to reach the instance and flavor plugins a group spec names.
 */
public interface PluginLookup {

    /** Throws PluginNotFoundException naming the known plugins when nothing answers to the name. */
    InstancePlugin instance(PluginName name);

    /** Throws PluginNotFoundException naming the known plugins when nothing answers to the name. */
    FlavorPlugin flavor(PluginName name);

    /** A lookup that knows no plugin, for plugins that never look others up. */
    static PluginLookup none() {
        return new PluginLookup() {
            @Override
            public InstancePlugin instance(PluginName name) {
                throw new PluginNotFoundException(name.toString(), List.of());
            }

            @Override
            public FlavorPlugin flavor(PluginName name) {
                throw new PluginNotFoundException(name.toString(), List.of());
            }
        };
    }
}
