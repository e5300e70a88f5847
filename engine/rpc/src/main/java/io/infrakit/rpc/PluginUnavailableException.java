package io.infrakit.rpc;

import io.infrakit.spi.InfrakitException;

import java.nio.file.Path;

/** Nothing serves a plugin's socket: the socket file is missing, or no process listens on it any more. */
public class PluginUnavailableException extends InfrakitException {

    private final String plugin;
    private final Path socket;

    public PluginUnavailableException(String plugin, Path socket, String reason) {
        super("plugin '" + plugin + "' is unavailable: " + reason);
        this.plugin = plugin;
        this.socket = socket;
    }

    public PluginUnavailableException(String plugin, Path socket, String reason, Throwable cause) {
        super("plugin '" + plugin + "' is unavailable: " + reason, cause);
        this.plugin = plugin;
        this.socket = socket;
    }

    public String plugin() {
        return plugin;
    }

    public Path socket() {
        return socket;
    }
}
