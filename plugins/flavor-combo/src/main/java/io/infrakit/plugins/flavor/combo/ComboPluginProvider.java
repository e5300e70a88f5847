package io.infrakit.plugins.flavor.combo;

import io.infrakit.spi.plugin.PluginContext;
import io.infrakit.spi.plugin.PluginObjects;
import io.infrakit.spi.plugin.PluginProvider;

/** The {@code combo} flavor plugin. */
public final class ComboPluginProvider implements PluginProvider {

    public static final String NAME = "combo";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "chains other flavors: their init scripts, tags and attachments combined, healthy only if all are";
    }

    @Override
    public PluginObjects create(PluginContext context) {
        return PluginObjects.flavor(new ComboFlavorPlugin(context.plugins()));
    }
}
