package io.infrakit.cli.plugin;

import picocli.CommandLine.Command;

@Command(name = "plugin", description = "The plugins the manager serves.",
        subcommands = {PluginLsCommand.class, PluginStartCommand.class})
public final class PluginCommand {
}
