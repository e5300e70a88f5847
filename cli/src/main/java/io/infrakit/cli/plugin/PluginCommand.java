package io.infrakit.cli.plugin;

import picocli.CommandLine.Command;

@Command(name = "plugin", description = "The plugins the manager serves.", subcommands = {PluginLsCommand.class})
public final class PluginCommand {
}
