package io.infrakit.plugins.flavor.swarm;

import io.infrakit.spi.flavor.FlavorPlugin;
import io.infrakit.spi.plugin.PluginContext;
import io.infrakit.spi.plugin.PluginObjects;
import io.infrakit.spi.plugin.PluginProvider;

import java.util.Map;
import java.util.function.Function;

/** The {@code swarm} flavor plugin: types {@code manager} and {@code worker}. */
public final class SwarmPluginProvider implements PluginProvider {

    public static final String NAME = "swarm";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Docker swarm managers and workers: instances join the swarm, health and drain from their swarm node";
    }

    @Override
    public PluginObjects create(PluginContext context) {
        Function<String, SwarmNodes> connect = DockerSwarmNodes::new;
        SwarmNodeEvents events = new SwarmNodeEvents(new DockerNodeEventSource());
        Map<String, FlavorPlugin> flavors = Map.of(
                SwarmRole.MANAGER.type(), flavor(SwarmRole.MANAGER, connect, context, events),
                SwarmRole.WORKER.type(), flavor(SwarmRole.WORKER, connect, context, events));
        return new PluginObjects(Map.of(), flavors, Map.of());
    }

    private static FlavorPlugin flavor(SwarmRole role, Function<String, SwarmNodes> connect, PluginContext context,
                                       SwarmNodeEvents events) {
        return new SwarmFlavorPlugin(role, connect, context.env("DOCKER_HOST"), context.clock(), events);
    }
}
