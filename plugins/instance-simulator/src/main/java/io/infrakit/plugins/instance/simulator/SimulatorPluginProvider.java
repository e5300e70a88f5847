package io.infrakit.plugins.instance.simulator;

import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.plugin.PluginContext;
import io.infrakit.spi.plugin.PluginObjects;
import io.infrakit.spi.plugin.PluginProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code simulator} plugin: a default store ({@code simulator}) plus one independent store per type in
 * {@code INFRAKIT_SIMULATOR_INSTANCE_TYPES} ({@code simulator/compute}, {@code simulator/net}, ...).
 */
public final class SimulatorPluginProvider implements PluginProvider {

    public static final String NAME = "simulator";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "in-memory instances for demos and tests, with simulated latency, failures and capacity";
    }

    @Override
    public PluginObjects create(PluginContext context) {
        return objects(SimulatorSettings.fromEnvironment(context.environment()), Sleeper.real());
    }

    /** The plugin's objects for these settings; tests pass a sleeper that does not wait. */
    public static PluginObjects objects(SimulatorSettings settings, Sleeper sleeper) {
        Map<String, InstancePlugin> stores = new HashMap<>();
        String defaultType = PluginObjects.DEFAULT_TYPE;
        stores.put(defaultType, new SimulatorInstancePlugin(defaultType, settings, sleeper));
        for (String type : settings.instanceTypes()) {
            stores.put(type, new SimulatorInstancePlugin(type, settings, sleeper));
        }
        return new PluginObjects(stores, Map.of(), Map.of());
    }
}
