package io.infrakit.engine.manager;

import java.nio.file.Path;

/** A plugin the manager serves, and the socket it answers on. */
public record ServedPlugin(String name, Path socket) {
}
