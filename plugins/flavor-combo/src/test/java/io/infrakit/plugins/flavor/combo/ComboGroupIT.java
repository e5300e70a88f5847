package io.infrakit.plugins.flavor.combo;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.engine.InfrakitHome;
import io.infrakit.rpc.PluginServer;
import io.infrakit.spi.Any;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPlugin;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.plugin.PluginObjects;
import io.infrakit.testkit.ScriptedFlavorPlugin;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A group whose flavor is combo over vanilla and a scripted flavor, committed to a real manager with the file
 * instance plugin: every instance file carries both flavors' init lines in order and both flavors' tags, and an
 * instance removed by scaling down is drained through the scripted child. A child served by another process (here, its
 * own socket in the plugins directory) is found as the group controller finds plugins.
 */
class ComboGroupIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final String GROUP = """
            {"ID": "web", "Properties": {"Allocation": {"Size": %d}, "Instance": {"Plugin": "file"},
              "Flavor": {"Plugin": "combo", "Properties": [
                {"Plugin": "vanilla", "Properties": {"Init": ["echo vanilla"], "Tags": {"v": "vanilla", "shared": "vanilla"}}},
                {"Plugin": "scripted"}]}}}""";

    @Test
    void aChildServedOnItsOwnSocketIsFoundThroughThePluginsDirectory() throws Exception {
        try (ComboManagerHome home = new ComboManagerHome();
             PluginServer remote = PluginServer.start(InfrakitHome.at(home.root).pluginsDir().resolve("remote"),
                     PluginObjects.flavor(new ScriptedFlavorPlugin().prepareWith(spec ->
                             spec.withInit("echo remote").withTags(Map.of("r", "remote")))))) {
            GroupPlugin groups = home.manager.groups().orElseThrow();

            groups.commitGroup(Any.parse("""
                    {"ID": "web", "Properties": {"Allocation": {"Size": 1}, "Instance": {"Plugin": "file"},
                      "Flavor": {"Plugin": "combo", "Properties": [
                        {"Plugin": "vanilla", "Properties": {"Init": ["echo vanilla"]}}, {"Plugin": "remote"}]}}}""")
                    .decode(GroupSpec.class), false);

            await().atMost(WITHIN).until(() -> home.instances().size() == 1);
            JsonNode instance = home.instances().values().iterator().next();
            assertThat(instance.at("/Spec/Init").asText()).isEqualTo("echo vanilla\necho remote");
            assertThat(instance.at("/Tags/r").asText()).isEqualTo("remote");
        }
    }

    @Test
    void instancesCarryEveryChildsInitAndTagsAndAScaledDownOneIsDrainedThroughTheChildren() throws Exception {
        try (ComboManagerHome home = new ComboManagerHome()) {
            home.scripted.prepareWith(spec -> spec.withInit("echo scripted")
                    .withTags(Map.of("s", "scripted", "shared", "scripted")));
            GroupPlugin groups = home.manager.groups().orElseThrow();

            groups.commitGroup(spec(2), false);

            await().atMost(WITHIN).until(() -> home.instances().size() == 2);
            for (JsonNode instance : home.instances().values()) {
                assertThat(instance.at("/Spec/Init").asText()).isEqualTo("echo vanilla\necho scripted");
                assertThat(instance.at("/Tags/v").asText()).isEqualTo("vanilla");
                assertThat(instance.at("/Tags/s").asText()).isEqualTo("scripted");
                assertThat(instance.at("/Tags/shared").asText()).as("the later child wins").isEqualTo("scripted");
                assertThat(instance.at("/Tags/infrakit.group").asText()).isEqualTo("web");
            }

            groups.commitGroup(spec(1), false);

            await().atMost(WITHIN).until(() -> home.instances().size() == 1);
            List<String> left = home.instances().values().stream().map(instance -> instance.get("ID").asText()).toList();
            await().atMost(WITHIN).until(() -> !home.scripted.drained().isEmpty());
            assertThat(home.scripted.drained()).hasSize(1);
            InstanceId drained = home.scripted.drained().get(0).id();
            assertThat(left).doesNotContain(drained.value());
            assertThat(groups.describeGroup(new GroupId("web")).instances()).hasSize(1);
        }
    }

    private static GroupSpec spec(int size) {
        return Any.parse(GROUP.formatted(size)).decode(GroupSpec.class);
    }
}
