package io.infrakit.plugins.flavor.combo;

import io.infrakit.spi.Any;
import io.infrakit.spi.PluginNotFoundException;
import io.infrakit.spi.group.GroupPlugin;
import io.infrakit.spi.group.GroupSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * A combo naming a child flavor that nothing serves, committed to a real manager next to a converged group: refused
 * as a missing plugin (exit 4 in docs/cli.md's table) with one line naming combo, the operation and the child, and
 * nothing changed: no stored spec, no instance, the other group as it was. InfraKit's combo crashed here instead.
 */
class ComboMissingChildHostileIT {

    private static final String GROUP = """
            {"ID": "%s", "Properties": {"Allocation": {"Size": 2}, "Instance": {"Plugin": "file"},
              "Flavor": {"Plugin": "combo", "Properties": [{"Plugin": "vanilla"}, {"Plugin": "%s"}]}}}""";

    @Test
    void aMissingChildIsRefusedAtCommitAsAMissingPluginAndNothingChanges() throws Exception {
        try (ComboManagerHome home = new ComboManagerHome()) {
            GroupPlugin groups = home.manager.groups().orElseThrow();
            groups.commitGroup(spec("good", "scripted"), false);
            await().atMost(Duration.ofSeconds(30)).until(() -> home.instances().size() == 2);
            Map<String, String> stored = home.storedSpecs();
            var instances = home.instances();
            var inspected = groups.inspectGroups();

            Throwable refused = catchThrowable(() -> groups.commitGroup(spec("bad", "nosuch"), false));

            assertThat(refused).isInstanceOf(PluginNotFoundException.class);
            assertThat(refused.getMessage()).isEqualTo("combo Flavor.Validate: Properties[1] 'nosuch': no such flavor"
                    + " plugin: unknown plugin 'nosuch'; known: combo, scripted, vanilla").doesNotContain("\n");
            assertThat(home.storedSpecs()).isEqualTo(stored);
            assertThat(home.instances()).isEqualTo(instances);
            assertThat(groups.inspectGroups()).isEqualTo(inspected);
        }
    }

    private static GroupSpec spec(String id, String child) {
        return Any.parse(GROUP.formatted(id, child)).decode(GroupSpec.class);
    }
}
