package io.infrakit.engine;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where InfraKit keeps its files: {@code --home}, else {@code $INFRAKIT_HOME}, else {@code ~/.infrakit}.
 * Plugin sockets live in {@code $INFRAKIT_PLUGINS_DIR}, else {@code <home>/plugins}.
 */
public record InfrakitHome(Path root, Path pluginsDir) {

    public static final String HOME_VARIABLE = "INFRAKIT_HOME";
    public static final String PLUGINS_DIR_VARIABLE = "INFRAKIT_PLUGINS_DIR";

    public InfrakitHome {
        root = root.toAbsolutePath().normalize();
        pluginsDir = pluginsDir.toAbsolutePath().normalize();
    }

    public static InfrakitHome resolve(Optional<Path> explicitHome, Map<String, String> environment) {
        Path root = explicitHome
                .or(() -> nonBlank(environment.get(HOME_VARIABLE)).map(Path::of))
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".infrakit"));
        Path plugins = nonBlank(environment.get(PLUGINS_DIR_VARIABLE)).map(Path::of).orElse(root.resolve("plugins"));
        return new InfrakitHome(root, plugins);
    }

    public static InfrakitHome at(Path root) {
        return new InfrakitHome(root, root.resolve("plugins"));
    }

    public Path configsDir() {
        return root.resolve("configs");
    }

    public Path managerPidFile() {
        return root.resolve("manager.pid");
    }

    public Path managerLockFile() {
        return root.resolve("manager.lock");
    }

    /** Holds the manager's pid once every one of its sockets answers. */
    public Path managerReadyFile() {
        return root.resolve("manager.ready");
    }

    public Path managerLogFile() {
        return root.resolve("manager.log");
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
