package io.infrakit.plugins.flavor.vanilla;

import io.infrakit.spi.plugin.PluginContext;
import io.infrakit.spi.plugin.PluginObjects;
import io.infrakit.spi.plugin.PluginProvider;

/** The {@code vanilla} flavor plugin. */
public final class VanillaPluginProvider implements PluginProvider {

    public static final String NAME = "vanilla";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "adds init lines, tags and attachments to instances; healthy unless an optional HTTP HealthCheck fails";
    }

    @Override
    public PluginObjects create(PluginContext context) {
        return PluginObjects.flavor(new VanillaFlavorPlugin());
    }
}
