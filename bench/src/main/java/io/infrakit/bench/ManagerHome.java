package io.infrakit.bench;

import io.infrakit.rpc.PluginClient;
import io.infrakit.rpc.PluginDiscovery;
import io.infrakit.rpc.RemoteGroupPlugin;
import io.infrakit.rpc.RemoteRolloutControl;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.group.GroupPlugin;
import io.infrakit.spi.group.RolloutControl;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** A temporary INFRAKIT_HOME with a manager started through the launcher; closing stops it and removes the home. */
final class ManagerHome implements AutoCloseable {

    private static final PluginName GROUP = PluginName.of("group");

    final Path root;
    final Launcher infrakit;

    private ManagerHome(Path root, Launcher infrakit) {
        this.root = root;
        this.infrakit = infrakit;
    }

    static ManagerHome start(Path launcher, Duration pollInterval) {
        return start(launcher, pollInterval, Map.of());
    }

    /** As {@link #start(Path, Duration)}, with more environment variables for the launcher and its manager. */
    static ManagerHome start(Path launcher, Duration pollInterval, Map<String, String> extraEnvironment) {
        try {
            Path root = Files.createTempDirectory(Path.of("/tmp"), "ik-bench");
            Map<String, String> environment = new HashMap<>(extraEnvironment);
            environment.put("INFRAKIT_HOME", root.toString());
            environment.put("INFRAKIT_GROUP_POLL_INTERVAL", pollInterval.toMillis() + "ms");
            ManagerHome home = new ManagerHome(root, new Launcher(launcher, environment));
            home.infrakit.ok("manager", "start");
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long managerPid() {
        try {
            return Long.parseLong(Files.readString(root.resolve("manager.pid")).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path instanceFiles() {
        return root.resolve("instances/file");
    }

    Path write(String name, String content) {
        try {
            return Files.writeString(root.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manager's group plugin over its socket, from this JVM (no launcher start-up). */
    GroupPlugin groups() {
        return new RemoteGroupPlugin(client(), GROUP);
    }

    RolloutControl rollouts() {
        return new RemoteRolloutControl(client(), GROUP);
    }

    private PluginClient client() {
        return PluginClient.of(new PluginDiscovery(root.resolve("plugins")).find(GROUP), Duration.ofSeconds(60));
    }

    /** Stops the manager and keeps the home, to be removed by {@link #close}. */
    void stopManager() {
        infrakit.run("manager", "stop");
    }

    /** Stops the manager (if still running) and removes the home. */
    @Override
    public void close() {
        stopManager();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
