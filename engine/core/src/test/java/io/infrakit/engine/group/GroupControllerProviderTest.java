package io.infrakit.engine.group;

import io.infrakit.engine.plugin.PluginRegistry;
import io.infrakit.spi.group.GroupPlugin;
import io.infrakit.spi.plugin.PluginContext;
import io.infrakit.spi.plugin.PluginObjects;
import io.infrakit.testkit.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GroupControllerProviderTest {

    @TempDir
    Path home;

    @Test
    void isFoundAsGroupStatelessAndCreatesAControllerWithTheEnvironmentsSettings() {
        PluginRegistry registry = PluginRegistry.load(getClass().getClassLoader());
        assertThat(registry.provider("group-stateless")).isInstanceOf(GroupControllerProvider.class);

        PluginObjects objects = registry.provider("group-stateless").create(PluginContext.of(home, new ManualClock(),
                Map.of(ControllerSettings.POLL_INTERVAL, "100ms")));
        GroupPlugin group = objects.groups().get(PluginObjects.DEFAULT_TYPE);
        assertThat(group).isInstanceOf(DefaultGroupController.class);
        try (DefaultGroupController controller = (DefaultGroupController) group) {
            assertThat(controller.settings().pollInterval()).isEqualTo(Duration.ofMillis(100));
            assertThat(controller.inspectGroups()).isEmpty();
        }
    }
}
