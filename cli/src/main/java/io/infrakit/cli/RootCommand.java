package io.infrakit.cli;

import picocli.CommandLine.Command;

/** {@code infrakit}: declarative, self-healing infrastructure. The whole command tree hangs from here. */
@Command(name = "infrakit",
        mixinStandardHelpOptions = true,
        versionProvider = Version.Provider.class,
        description = "Declarative, self-healing infrastructure for the JVM.",
        subcommands = {VersionCommand.class, QuickstartCommand.class, StatusCommand.class, ManagerCommand.class,
                PluginCommand.class,
                GroupCommand.class, InstanceCommand.class, TemplateCommand.class, PlaybookCommand.class,
                ImageCommand.class, HelpCommand.class, CompletionCommand.class, CompleteNamesCommand.class})
final class RootCommand {
}
