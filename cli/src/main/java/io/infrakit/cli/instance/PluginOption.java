package io.infrakit.cli.instance;

import io.infrakit.spi.PluginName;
import io.infrakit.common.UsageException;
import picocli.CommandLine.Option;

/** {@code --plugin NAME}: which plugin object a command talks to, {@code lookup[/type]}. */
final class PluginOption {

    @Option(names = "--plugin", required = true, paramLabel = "NAME",
            description = "The plugin, as lookup[/type], e.g. simulator or simulator/compute")
    String name;

    /** The name given; one that cannot name a plugin is a usage error. */
    PluginName pluginName() {
        try {
            return PluginName.parse(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--plugin: " + e.getMessage());
        }
    }
}
