package io.infrakit.rpc;

import java.nio.file.Path;
import java.util.Optional;

/** Another process already serves this plugin's socket. */
public class PluginAlreadyRunningException extends PluginServerException {

    private final String plugin;
    private final Path socket;
    private final Long pid;

    PluginAlreadyRunningException(String plugin, Path socket, Optional<Long> pid) {
        super("plugin '" + plugin + "' is already running (pid " + pid.map(String::valueOf).orElse("unknown")
                + ", socket " + socket + ")");
        this.plugin = plugin;
        this.socket = socket;
        this.pid = pid.orElse(null);
    }

    public String plugin() {
        return plugin;
    }

    public Path socket() {
        return socket;
    }

    public Optional<Long> pid() {
        return Optional.ofNullable(pid);
    }
}
