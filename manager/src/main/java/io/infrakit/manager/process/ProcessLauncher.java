package io.infrakit.manager.process;

import io.infrakit.common.OwnerOnly;
import io.infrakit.engine.InfrakitHome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts one plugin process as its {@link ProcessEntry} says, its output appended to its log file (0600). Every
 * process gets the manager's environment, {@code INFRAKIT_HOME}, {@code INFRAKIT_PLUGINS_DIR},
 * {@code INFRAKIT_PLUGIN_NAME} and {@code INFRAKIT_PLUGIN_SOCKET}, then its own {@code env}.
 */
final class ProcessLauncher {

    private final InfrakitHome home;
    private final Map<String, String> environment;
    private final List<String> pluginRun;

    /** @param pluginRun the command that runs {@code infrakit plugin run} in a JVM of its own; KIND:NAME is added */
    ProcessLauncher(InfrakitHome home, Map<String, String> environment, List<String> pluginRun) {
        this.home = home;
        this.environment = Map.copyOf(environment);
        this.pluginRun = List.copyOf(pluginRun);
    }

    Process start(String name, ProcessEntry entry) throws IOException {
        Path log = ownerOnlyLog(ProcessStates.logFile(home, name));
        List<String> command = new ArrayList<>();
        if (entry.isBuiltIn()) {
            command.addAll(pluginRun);
            command.add(entry.kind() + ":" + name);
        } else {
            command.add(entry.command());
            command.addAll(entry.args());
        }
        Path dir = entry.dir() == null ? home.root() : home.root().resolve(entry.dir());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Map<String, String> env = new HashMap<>(environment);
        env.put(InfrakitHome.HOME_VARIABLE, home.root().toString());
        env.put(InfrakitHome.PLUGINS_DIR_VARIABLE, home.pluginsDir().toString());
        env.put("INFRAKIT_PLUGIN_NAME", name);
        env.put("INFRAKIT_PLUGIN_SOCKET", home.pluginsDir().resolve(name).toString());
        env.putAll(entry.env());
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder.start();
    }

    static Path ownerOnlyLog(Path log) throws IOException {
        OwnerOnly.createDirectories(log.getParent());
        if (Files.exists(log, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(log, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(log);
        }
        if (!Files.exists(log, LinkOption.NOFOLLOW_LINKS)) {
            Files.createFile(log, OwnerOnly.file());
        }
        return log;
    }
}
