package io.infrakit.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A fresh INFRAKIT_HOME for one test and a launcher that uses it; closing stops its manager and deletes it. */
final class TemporaryHome implements AutoCloseable {

    private final Path root;
    private final Launcher launcher;

    private TemporaryHome(Path root, Launcher launcher) {
        this.root = root;
        this.launcher = launcher;
    }

    /** A new home named {@code prefix...}; the launcher gets {@code extraEnv} besides INFRAKIT_HOME. */
    static TemporaryHome create(String prefix, Map<String, String> extraEnv) throws IOException {
        // Under /tmp and short, so socket paths stay under the 107-byte limit of unix sockets.
        Path root = Files.createTempDirectory(Path.of("/tmp"), prefix);
        Map<String, String> environment = new HashMap<>(extraEnv);
        environment.put("INFRAKIT_HOME", root.toString());
        return new TemporaryHome(root, new Launcher(environment));
    }

    Launcher launcher() {
        return launcher;
    }

    Path root() {
        return root;
    }

    Path resolve(String relativePath) {
        return root.resolve(relativePath);
    }

    /** Where the file instance plugin keeps one file per instance. */
    Path instanceDirectory() {
        return root.resolve("instances/file");
    }

    /** The file plugin's instance files, sorted; none before the plugin has made its directory. */
    List<Path> instanceFiles() throws IOException {
        if (!Files.isDirectory(instanceDirectory())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(instanceDirectory())) {
            return files.filter(path -> path.getFileName().toString().startsWith("instance-")).sorted().toList();
        }
    }

    @Override
    public void close() throws IOException {
        launcher.run("manager", "stop");
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
