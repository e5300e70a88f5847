package io.infrakit.plugins.instance.simulator;

import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.plugin.PluginContext;
import io.infrakit.spi.plugin.PluginObjects;
import io.infrakit.spi.plugin.PluginProvider;
import io.infrakit.testkit.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatorPluginProviderTest {

    @TempDir
    Path home;

    @Test
    void serviceLoaderFindsTheProviderByName() {
        assertThat(ServiceLoader.load(PluginProvider.class).stream().map(ServiceLoader.Provider::get))
                .filteredOn(provider -> provider.name().equals("simulator"))
                .singleElement()
                .isInstanceOf(SimulatorPluginProvider.class);
    }

    @Test
    void createsTheDefaultStoreAndOneStorePerDefaultType() {
        PluginObjects objects = new SimulatorPluginProvider().create(context(Map.of()));

        assertThat(objects.instances()).containsOnlyKeys("", "compute", "net", "disk");
        assertThat(objects.instances().values()).allSatisfy(plugin ->
                assertThat(plugin).isInstanceOf(SimulatorInstancePlugin.class).isInstanceOf(InstancePlugin.class));
        assertThat(objects.flavors()).isEmpty();
        assertThat(objects.groups()).isEmpty();
        assertThat(objects.implemented()).containsOnlyKeys(InstancePlugin.INTERFACE);
    }

    @Test
    void theInstanceTypesComeFromTheEnvironment() {
        PluginObjects objects = new SimulatorPluginProvider()
                .create(context(Map.of("INFRAKIT_SIMULATOR_INSTANCE_TYPES", "vm,volume")));

        assertThat(objects.instances()).containsOnlyKeys("", "vm", "volume");
    }

    @Test
    void aBadVariableFailsCreation() {
        assertThatThrownBy(() -> new SimulatorPluginProvider()
                .create(context(Map.of("INFRAKIT_SIMULATOR_CAPACITY", "lots"))))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("INFRAKIT_SIMULATOR_CAPACITY");
    }

    private PluginContext context(Map<String, String> environment) {
        return PluginContext.of(home, new ManualClock(), environment);
    }
}
