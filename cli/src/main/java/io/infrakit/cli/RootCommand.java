package io.infrakit.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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

    /** -v before the command ({@code infrakit -v group ls}) counts as after it; {@link GlobalOptions} adds them. */
    @Option(names = {"-v", "--verbose"},
            description = "Log more: -v shows InfraKit's debug messages, -vv its trace messages too")
    boolean[] verbose = new boolean[0];
}
