package io.infrakit.engine.manager;

import java.nio.file.Path;

/** A plugin the manager serves: the name it answers to, its kind ({@link PluginSelection}), and its socket. */
public record ServedPlugin(String name, String kind, Path socket) {
}
