package io.infrakit.cli;

import io.infrakit.common.UsageException;
import io.infrakit.spi.PluginName;
import picocli.CommandLine.Option;

import java.util.Optional;

/** {@code --plugin NAME}: the group plugin a group command talks to, when it is not the default one. */
public class GroupPluginOption {

    @Option(names = "--plugin", paramLabel = "NAME",
            description = "The group plugin, by its socket's name (e.g. mystack); default: group, else the only "
                    + "plugin serving all groups")
    String plugin;

    /** The name given, if any; one that cannot name a plugin is a usage error. */
    public Optional<PluginName> pluginName() {
        if (plugin == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(PluginName.parse(plugin));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--plugin: " + e.getMessage());
        }
    }
}
