package io.infrakit.rpc;

import io.infrakit.spi.PluginName;
import io.infrakit.spi.PluginNotFoundException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds plugins the way InfraKit does: every unix socket directly in the plugins directory is a plugin named
 * after the file. Other files ({@code <name>.pid}, {@code <name>.listen}) are not endpoints.
 */
public final class PluginDiscovery {

    public static final String PLUGINS_DIR_VARIABLE = "INFRAKIT_PLUGINS_DIR";
    public static final String HOME_VARIABLE = "INFRAKIT_HOME";

    private final Path pluginsDir;

    public PluginDiscovery(Path pluginsDir) {
        this.pluginsDir = pluginsDir.toAbsolutePath();
    }

    /** {@code INFRAKIT_PLUGINS_DIR}, else {@code $INFRAKIT_HOME/plugins}, else {@code ~/.infrakit/plugins}. */
    public static Path pluginsDir(Map<String, String> environment, Path userHome) {
        String pluginsDir = environment.get(PLUGINS_DIR_VARIABLE);
        if (pluginsDir != null && !pluginsDir.isBlank()) {
            return Path.of(pluginsDir);
        }
        String home = environment.get(HOME_VARIABLE);
        if (home != null && !home.isBlank()) {
            return Path.of(home, "plugins");
        }
        return userHome.resolve(".infrakit").resolve("plugins");
    }

    public Path directory() {
        return pluginsDir;
    }

    /** The plugins serving now, by name; empty when the directory does not exist. */
    public List<PluginEndpoint> list() {
        if (!Files.isDirectory(pluginsDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(pluginsDir)) {
            return files.filter(SocketFiles::isSocket)
                    .filter(file -> !file.getFileName().toString().endsWith(SocketFiles.PID_SUFFIX))
                    .map(file -> new PluginEndpoint(file.getFileName().toString(), file))
                    .sorted(Comparator.comparing(PluginEndpoint::name))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the plugins directory " + pluginsDir, e);
        }
    }

    /** The endpoint serving {@code name}'s lookup part ({@code aws} for {@code aws/ec2-instance}). */
    public PluginEndpoint find(PluginName name) {
        List<PluginEndpoint> endpoints = list();
        return endpoints.stream()
                .filter(endpoint -> endpoint.name().equals(name.lookup()))
                .findFirst()
                .orElseThrow(() -> new PluginNotFoundException(name.toString(),
                        endpoints.stream().map(PluginEndpoint::name).toList()));
    }
}
