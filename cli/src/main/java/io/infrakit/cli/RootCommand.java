package io.infrakit.cli;

import io.infrakit.cli.completion.CompleteNamesCommand;
import io.infrakit.cli.completion.CompletionCommand;
import io.infrakit.cli.group.GroupCommand;
import io.infrakit.cli.image.ImageCommand;
import io.infrakit.cli.instance.InstanceCommand;
import io.infrakit.cli.manager.ManagerCommand;
import io.infrakit.cli.playbook.PlaybookCommand;
import io.infrakit.cli.plugin.PluginCommand;
import io.infrakit.cli.template.TemplateCommand;
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
