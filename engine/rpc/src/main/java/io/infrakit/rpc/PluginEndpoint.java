package io.infrakit.rpc;

import java.nio.file.Path;
import java.util.Objects;

/** A plugin found in the plugins directory: its lookup name and the unix socket it serves on. */
public record PluginEndpoint(String name, Path socket) {

    public PluginEndpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(socket, "socket");
    }
}
