package io.infrakit.engine.manager;

import io.infrakit.engine.InfrakitHome;
import io.infrakit.engine.group.ControllerSettings;
import io.infrakit.engine.group.GroupControllerProvider;
import io.infrakit.engine.plugin.PluginRegistry;
import io.infrakit.plugins.instance.file.FilePluginProvider;
import io.infrakit.spi.Any;
import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.group.GroupPlugin;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.plugin.PluginObjects;
import io.infrakit.testkit.ScriptedFlavorPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.infrakit.testkit.TestPlugins.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The manager started as InfraKit's own end-to-end script starts it ({@code manager:mystack group
 * file:instance-file vanilla:flavor-vanilla}): each plugin on a socket of its chosen name, and a spec that names
 * {@code instance-file} reaches the file plugin from inside the group controller.
 */
class ServedNamesIT {

    Path root;
    InfrakitHome home;

    @BeforeEach
    void shortHome() throws IOException {
        root = Files.createTempDirectory(Path.of("/tmp"), "ik-names");
        home = InfrakitHome.at(root);
    }

    @AfterEach
    void removeHome() throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void eachPluginAnswersToItsChosenNameAndOnlyToIt() throws IOException {
        PluginRegistry registry = PluginRegistry.of(List.of(new FilePluginProvider(), new GroupControllerProvider(),
                provider("vanilla", PluginObjects.flavor(new ScriptedFlavorPlugin()))));
        List<PluginSelection> selection = PluginSelection.resolve(
                List.of("manager:mystack", "group", "file:instance-file", "vanilla:flavor-vanilla"), registry);

        try (Manager manager = Manager.start(home, registry, selection, Map.of(ControllerSettings.POLL_INTERVAL, "1s"),
                Clock.systemUTC())) {
            assertThat(manager.plugins()).extracting(ServedPlugin::name, ServedPlugin::kind).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("group-stateless", "group"),
                    org.assertj.core.groups.Tuple.tuple("instance-file", "file"),
                    org.assertj.core.groups.Tuple.tuple("flavor-vanilla", "vanilla"),
                    org.assertj.core.groups.Tuple.tuple("mystack", "manager"));
            try (Stream<Path> sockets = Files.list(home.pluginsDir())) {
                assertThat(sockets.map(path -> path.getFileName().toString()).filter(name -> !name.contains(".")))
                        .containsExactlyInAnyOrder("group-stateless", "instance-file", "flavor-vanilla", "mystack");
            }
            assertThat(Manager.served(home)).isEqualTo(List.of(new PluginSelection("group", "group-stateless"),
                    new PluginSelection("file", "instance-file"), new PluginSelection("vanilla", "flavor-vanilla"),
                    new PluginSelection("manager", "mystack")));
            GroupPlugin groups = manager.groups().orElseThrow();

            assertThatThrownBy(() -> groups.commitGroup(spec("file", "flavor-vanilla"), true))
                    .isInstanceOf(InfrakitException.class).hasMessageContaining("'file'");
            groups.commitGroup(spec("instance-file", "flavor-vanilla"), false);

            await().atMost(Duration.ofSeconds(30)).until(() -> instanceFiles().size() == 3);
        }
        assertThat(Manager.served(home)).isEmpty();
    }

    private static GroupSpec spec(String instancePlugin, String flavorPlugin) {
        return Any.parse("{\"ID\": \"cattle\", \"Properties\": {\"Allocation\": {\"Size\": 3}, \"Instance\": "
                + "{\"Plugin\": \"" + instancePlugin + "\"}, \"Flavor\": {\"Plugin\": \"" + flavorPlugin + "\"}}}")
                .decode(GroupSpec.class);
    }

    private List<Path> instanceFiles() throws IOException {
        Path directory = root.resolve("instances/file");
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(path -> path.getFileName().toString().startsWith("instance-")).toList();
        }
    }
}
