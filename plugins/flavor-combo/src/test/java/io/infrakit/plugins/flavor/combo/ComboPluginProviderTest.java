package io.infrakit.plugins.flavor.combo;

import io.infrakit.spi.flavor.FlavorPlugin;
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

class ComboPluginProviderTest {

    @TempDir
    Path home;

    @Test
    void serviceLoaderFindsTheProviderByName() {
        assertThat(ServiceLoader.load(PluginProvider.class).stream().map(ServiceLoader.Provider::get))
                .filteredOn(provider -> provider.name().equals("combo"))
                .singleElement()
                .isInstanceOf(ComboPluginProvider.class);
    }

    @Test
    void createsOneFlavorPlugin() {
        PluginObjects objects = new ComboPluginProvider().create(PluginContext.of(home, new ManualClock(), Map.of()));

        assertThat(objects.implemented()).containsOnlyKeys(FlavorPlugin.INTERFACE);
        assertThat(objects.flavors()).containsOnlyKeys(PluginObjects.DEFAULT_TYPE);
    }
}
