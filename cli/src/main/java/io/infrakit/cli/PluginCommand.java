package io.infrakit.cli;

import picocli.CommandLine.Command;

@Command(name = "plugin", description = "The plugins the manager serves.",
        subcommands = {PluginLsCommand.class, PluginStartCommand.class})
final class PluginCommand {
}
