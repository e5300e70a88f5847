package io.infrakit.plugins.instance.file;

import io.infrakit.spi.Any;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.instance.InstanceSpec;
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

class FilePluginProviderTest {

    @TempDir
    Path home;

    @Test
    void serviceLoaderFindsTheProviderByName() {
        assertThat(ServiceLoader.load(PluginProvider.class).stream().map(ServiceLoader.Provider::get))
                .filteredOn(provider -> provider.name().equals("file"))
                .singleElement()
                .isInstanceOf(FilePluginProvider.class);
    }

    @Test
    void createsOneInstancePluginKeepingFilesUnderTheHome() {
        PluginObjects objects = new FilePluginProvider().create(PluginContext.of(home, new ManualClock(), Map.of()));

        assertThat(objects.implemented()).containsOnlyKeys(InstancePlugin.INTERFACE);
        InstancePlugin plugin = objects.instances().get(PluginObjects.DEFAULT_TYPE);
        assertThat(plugin).isInstanceOf(FileInstancePlugin.class);

        String id = plugin.provision(InstanceSpec.of(Any.empty(), Map.of())).value();
        assertThat(home.resolve("instances/file").resolve(id)).isRegularFile();
    }

    @Test
    void honoursInfrakitInstanceFileDir() {
        Path elsewhere = home.resolve("elsewhere");
        PluginObjects objects = new FilePluginProvider().create(PluginContext.of(
                home, new ManualClock(), Map.of("INFRAKIT_INSTANCE_FILE_DIR", elsewhere.toString())));

        String id = objects.instances().get("").provision(InstanceSpec.of(Any.empty(), Map.of())).value();

        assertThat(elsewhere.resolve(id)).isRegularFile();
        assertThat(home.resolve("instances")).doesNotExist();
    }
}
