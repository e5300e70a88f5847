package io.infrakit.spi.plugin;

import io.infrakit.spi.Any;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a plugin is given when it is created: InfraKit's home, the clock to read time from, the environment
 * (never read System.getenv directly, so tests can set it), options from the launch configuration, and a way to
 * find other plugins.
 */
public record PluginContext(Path home, Clock clock, Map<String, String> environment, Any options,
                            PluginLookup plugins) {

    public PluginContext {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(clock, "clock");
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        options = options == null ? Any.empty() : options;
        plugins = plugins == null ? PluginLookup.none() : plugins;
    }

    public static PluginContext of(Path home, Clock clock, Map<String, String> environment) {
        return new PluginContext(home, clock, environment, Any.empty(), PluginLookup.none());
    }

    public PluginContext withPlugins(PluginLookup lookup) {
        return new PluginContext(home, clock, environment, options, lookup);
    }

    public Optional<String> env(String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
    }
}
