package io.infrakit.plugins.instance.file;

import io.infrakit.spi.plugin.PluginContext;
import io.infrakit.spi.plugin.PluginObjects;
import io.infrakit.spi.plugin.PluginProvider;

import java.nio.file.Path;

/**
 * The {@code file} plugin: instances as files in {@code INFRAKIT_INSTANCE_FILE_DIR}, else in
 * {@code $INFRAKIT_HOME/instances/file}.
 */
public final class FilePluginProvider implements PluginProvider {

    public static final String NAME = "file";
    public static final String DIRECTORY_VARIABLE = "INFRAKIT_INSTANCE_FILE_DIR";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "instances as JSON files in a directory; delete a file to kill its instance";
    }

    @Override
    public PluginObjects create(PluginContext context) {
        Path directory = context.env(DIRECTORY_VARIABLE)
                .map(Path::of)
                .orElseGet(() -> context.home().resolve("instances").resolve("file"));
        return PluginObjects.instance(new FileInstancePlugin(directory));
    }
}
