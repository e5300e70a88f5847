package io.infrakit.cli;

import picocli.CommandLine.Option;

/** {@code --plugin NAME}: which plugin object a command talks to, {@code lookup[/type]}. */
final class PluginOption {

    @Option(names = "--plugin", required = true, paramLabel = "NAME",
            description = "The plugin, as lookup[/type], e.g. simulator or simulator/compute")
    String name;
}
