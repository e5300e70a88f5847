package io.infrakit.engine.manager;

import io.infrakit.engine.InfrakitHome;
import io.infrakit.engine.group.ControllerSettings;
import io.infrakit.engine.group.GroupControllerProvider;
import io.infrakit.engine.plugin.PluginRegistry;
import io.infrakit.plugins.instance.file.FilePluginProvider;
import io.infrakit.spi.Any;
import io.infrakit.spi.group.GroupPlugin;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.plugin.PluginObjects;
import io.infrakit.testkit.ScriptedFlavorPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.infrakit.testkit.TestPlugins.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The manager in this JVM with the real file plugin and group controller, polling only every ten minutes: an
 * instance file deleted by hand is replaced all the same, since the plugin's directory watch tells the controller.
 */
class FileHealingIT {

    private static final int SIZE = 5;
    private static final Duration WITHIN = Duration.ofSeconds(20);

    Path root;
    InfrakitHome home;

    @BeforeEach
    void shortHome() throws IOException {
        root = Files.createTempDirectory(Path.of("/tmp"), "ik-heal");
        home = InfrakitHome.at(root);
    }

    @AfterEach
    void removeHome() throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void aDeletedInstanceFileIsReplacedLongBeforeThePoll() throws IOException {
        try (Manager manager = start()) {
            GroupPlugin groups = manager.groups().orElseThrow();
            groups.commitGroup(Any.parse("{\"ID\": \"web\", \"Properties\": {\"Allocation\": {\"Size\": " + SIZE
                    + "}, \"Instance\": {\"Plugin\": \"file\"}, \"Flavor\": {\"Plugin\": \"flavor\"}}}")
                    .decode(GroupSpec.class), false);
            await().atMost(WITHIN).until(() -> instanceFiles().size() == SIZE);
            Path dead = instanceFiles().get(0);

            Files.delete(dead);

            await().atMost(WITHIN).until(() -> instanceFiles().size() == SIZE);
            assertThat(instanceFiles()).doesNotContain(dead);
        }
    }

    private Manager start() {
        return Manager.start(home, PluginRegistry.of(List.of(new FilePluginProvider(), new GroupControllerProvider(),
                        provider("flavor", PluginObjects.flavor(new ScriptedFlavorPlugin())))),
                Map.of(ControllerSettings.POLL_INTERVAL, "10m"), Clock.systemUTC());
    }

    private List<Path> instanceFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        Path directory = root.resolve("instances").resolve("file");
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "instance-*")) {
            stream.forEach(files::add);
        }
        return files;
    }
}
