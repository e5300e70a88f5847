package io.infrakit.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** {@code infrakit}: declarative, self-healing infrastructure. */
@Command(name = "infrakit",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Declarative, self-healing infrastructure for the JVM.",
        subcommands = {
            VersionCommand.class,
            QuickstartCommand.class,
            ManagerCommand.class,
            PluginCommand.class,
            GroupCommand.class,
            InstanceCommand.class,
            HelpCommand.class,
            AutoComplete.GenerateCompletion.class
        })
final class RootCommand {
}
