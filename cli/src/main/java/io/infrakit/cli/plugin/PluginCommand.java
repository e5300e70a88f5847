package io.infrakit.cli.plugin;

import picocli.CommandLine.Command;

@Command(name = "plugin", description = "The plugins the manager serves and the plugin processes it runs.",
        subcommands = {PluginLsCommand.class, PluginStartCommand.class, PluginStopCommand.class,
                PluginRunCommand.class, PluginLogsCommand.class})
public final class PluginCommand {
}
