package io.infrakit.testkit;

import io.infrakit.spi.plugin.PluginContext;
import io.infrakit.spi.plugin.PluginObjects;
import io.infrakit.spi.plugin.PluginProvider;

/** Plugin providers for tests: a name and the objects it hands out, whatever the context. */
public final class TestPlugins {

    private TestPlugins() {
    }

    public static PluginProvider provider(String name, PluginObjects objects) {
        return new PluginProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "test plugin " + name;
            }

            @Override
            public PluginObjects create(PluginContext context) {
                return objects;
            }
        };
    }
}
