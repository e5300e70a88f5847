package io.infrakit.engine.group.spec;

import io.infrakit.spi.Any;

import java.util.Objects;

/** The {@code Instance} or {@code Flavor} section of a group spec: which plugin, and its properties undecoded. */
public record PluginSection(String plugin, Any properties) {

    public PluginSection {
        plugin = plugin == null ? "" : plugin;
        properties = Objects.requireNonNullElse(properties, Any.empty());
    }
}
