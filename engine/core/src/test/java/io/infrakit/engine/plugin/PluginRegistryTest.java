package io.infrakit.engine.plugin;

import io.infrakit.spi.PluginNotFoundException;
import io.infrakit.spi.plugin.PluginObjects;
import io.infrakit.spi.plugin.PluginProvider;
import io.infrakit.testkit.TestPlugins;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginRegistryTest {

    @Test
    void findsProvidersWithServiceLoader() {
        PluginRegistry registry = PluginRegistry.load(getClass().getClassLoader());

        assertThat(registry.names()).contains("registry-test");
        assertThat(registry.provider("registry-test")).isInstanceOf(RegistryTestProvider.class);
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        PluginRegistry registry = PluginRegistry.of(List.of(named("b"), named("a"), named("c")));

        assertThatThrownBy(() -> registry.provider("x"))
                .isInstanceOf(PluginNotFoundException.class)
                .hasMessage("unknown plugin 'x'; known: a, b, c");
    }

    static PluginProvider named(String name) {
        return TestPlugins.provider(name, new PluginObjects(null, null, null));
    }
}
