package io.infrakit.examples.plugins;

import io.infrakit.engine.InfrakitHome;
import io.infrakit.engine.group.ControllerSettings;
import io.infrakit.engine.group.GroupControllerProvider;
import io.infrakit.engine.manager.Manager;
import io.infrakit.engine.plugin.PluginRegistry;
import io.infrakit.examples.plugins.ExamplePlugin.Language;
import io.infrakit.plugins.flavor.vanilla.VanillaPluginProvider;
import io.infrakit.spi.Any;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPlugin;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.instance.InstanceDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A group of three over the python plugin, run by a real manager (group controller and vanilla flavor in this JVM)
 * that finds the plugin by its socket in the home's plugins directory, as it finds any plugin started apart from
 * it: the group converges to three instance files, an instance file deleted by hand is replaced by a new instance,
 * and destroying the group leaves no file behind.
 */
class PythonPluginGroupIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final GroupId GROUP = GroupId.of("py-web");
    private static final String SPEC = """
            {"ID": "py-web", "Properties": {"Allocation": {"Size": 3},
              "Instance": {"Plugin": "py-files", "Properties": {"image": "alpine"}},
              "Flavor": {"Plugin": "vanilla", "Properties": {"Init": ["echo hello"], "Tags": {"tier": "web"}}}}}""";

    private Path root;
    private Manager manager;
    private ExamplePlugin python;

    @BeforeEach
    void start() {
        root = ExamplePlugin.shortTempDirectory("ik-pyg");
        InfrakitHome home = InfrakitHome.at(root);
        manager = Manager.start(home, PluginRegistry.of(List.of(new GroupControllerProvider(),
                        new VanillaPluginProvider())),
                Map.of(ControllerSettings.POLL_INTERVAL, "200ms"), Clock.systemUTC());
        python = ExamplePlugin.start(Language.PYTHON, "py-files", home.pluginsDir(), root.resolve("py-instances"));
    }

    @AfterEach
    void stop() {
        try {
            if (manager != null) {
                manager.close();
            }
        } finally {
            try {
                if (python != null) {
                    python.close();
                }
            } finally {
                ExamplePlugin.deleteTree(root);
            }
        }
    }

    @Test
    void aGroupOfThreeConvergesHealsADeletedInstanceAndIsDestroyed() throws Exception {
        GroupPlugin groups = manager.groups().orElseThrow();

        groups.commitGroup(Any.parse(SPEC).decode(GroupSpec.class), false);

        await().atMost(WITHIN).until(() -> python.instanceFiles().size() == 3 && groupSize(groups) == 3);
        List<String> first = python.instanceFiles();
        String instanceFile = Files.readString(python.instances().resolve(first.get(0)));
        assertThat(Any.parse(instanceFile).node().at("/Tags/infrakit.group").asText()).isEqualTo("py-web");
        assertThat(Any.parse(instanceFile).node().at("/Tags/tier").asText()).isEqualTo("web");
        assertThat(Any.parse(instanceFile).node().at("/Spec/Init").asText()).isEqualTo("echo hello");
        assertThat(Any.parse(instanceFile).node().at("/Spec/Properties/image").asText()).isEqualTo("alpine");

        String killed = first.get(1);
        Files.delete(python.instances().resolve(killed));

        await().atMost(WITHIN).until(() -> {
            List<String> now = python.instanceFiles();
            return now.size() == 3 && !now.contains(killed);
        });
        assertThat(python.instanceFiles()).containsAll(first.stream().filter(id -> !id.equals(killed)).toList());
        await().atMost(WITHIN).until(() -> groupIds(groups).equals(python.instanceFiles()));

        groups.destroyGroup(GROUP);

        await().atMost(WITHIN).until(() -> python.instanceFiles().isEmpty());
        assertThat(python.process().isAlive()).as("the plugin serves on").isTrue();
    }

    private static int groupSize(GroupPlugin groups) {
        return groups.describeGroup(GROUP).instances().size();
    }

    private static List<String> groupIds(GroupPlugin groups) {
        return groups.describeGroup(GROUP).instances().stream().map(InstanceDescription::id)
                .map(id -> id.value()).sorted().toList();
    }
}
