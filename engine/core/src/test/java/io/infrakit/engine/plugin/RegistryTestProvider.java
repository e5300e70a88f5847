package io.infrakit.engine.plugin;

import io.infrakit.spi.plugin.PluginContext;
import io.infrakit.spi.plugin.PluginObjects;
import io.infrakit.spi.plugin.PluginProvider;

/** Listed in the test resources' META-INF/services, so the registry test sees ServiceLoader at work. */
public final class RegistryTestProvider implements PluginProvider {

    @Override
    public String name() {
        return "registry-test";
    }

    @Override
    public String description() {
        return "a provider only the registry test knows";
    }

    @Override
    public PluginObjects create(PluginContext context) {
        return new PluginObjects(null, null, null);
    }
}
