package io.infrakit.plugins.flavor.combo;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.engine.InfrakitHome;
import io.infrakit.engine.group.ControllerSettings;
import io.infrakit.engine.group.GroupControllerProvider;
import io.infrakit.engine.manager.Manager;
import io.infrakit.engine.plugin.PluginRegistry;
import io.infrakit.plugins.flavor.vanilla.VanillaPluginProvider;
import io.infrakit.plugins.instance.file.FilePluginProvider;
import io.infrakit.spi.Json;
import io.infrakit.spi.plugin.PluginObjects;
import io.infrakit.testkit.ScriptedFlavorPlugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static io.infrakit.testkit.TestPlugins.provider;

/**
 * A manager in this JVM, in a fresh home, serving the real file instance plugin, group controller, vanilla and combo
 * flavors, and a scripted flavor named {@code scripted}; and what is on disk: instance files and stored specs.
 */
final class ComboManagerHome implements AutoCloseable {

    final ScriptedFlavorPlugin scripted = new ScriptedFlavorPlugin();
    final Path root;
    final Manager manager;

    ComboManagerHome() throws IOException {
        root = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "ik-combo");
        manager = Manager.start(InfrakitHome.at(root), PluginRegistry.of(List.of(new FilePluginProvider(),
                        new GroupControllerProvider(), new VanillaPluginProvider(), new ComboPluginProvider(),
                        provider("scripted", PluginObjects.flavor(scripted)))),
                Map.of(ControllerSettings.POLL_INTERVAL, "100ms"), Clock.systemUTC());
    }

    /** Each instance file's content, by file name. */
    Map<String, JsonNode> instances() {
        Map<String, JsonNode> instances = new TreeMap<>();
        Path directory = root.resolve("instances").resolve("file");
        if (!Files.isDirectory(directory)) {
            return instances;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "instance-*")) {
            for (Path file : files) {
                instances.put(file.getFileName().toString(), Json.mapper().readTree(file.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return instances;
    }

    /** Every file under the stored specs, with its content. */
    Map<String, String> storedSpecs() {
        Map<String, String> stored = new TreeMap<>();
        Path configs = InfrakitHome.at(root).configsDir();
        if (!Files.isDirectory(configs)) {
            return stored;
        }
        try (Stream<Path> paths = Files.walk(configs)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                stored.put(configs.relativize(path).toString(), Files.readString(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stored;
    }

    @Override
    public void close() throws IOException {
        manager.close();
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
        }
        paths.forEach(path -> path.toFile().delete());
    }
}
