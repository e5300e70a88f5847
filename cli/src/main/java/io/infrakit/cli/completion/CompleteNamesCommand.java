package io.infrakit.cli.completion;

import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.CommittedGroups;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.PlaybookRegistries;
import io.infrakit.playbooks.registry.PinnedPlaybook;
import io.infrakit.rpc.PluginDiscovery;
import io.infrakit.rpc.PluginEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;

/**
 * The names shell completion offers, one per line: the committed groups, the added playbooks or the plugins
 * serving now. Read from the home alone, so it never starts a manager; hidden, as only the completion script calls it.
 */
@Command(name = "complete-names", hidden = true,
        description = "Print the names of the groups, playbooks or plugins, for shell completion.")
public final class CompleteNamesCommand extends BaseCommand {

    enum Kind { groups, playbooks, plugins }

    @Parameters(index = "0", paramLabel = "KIND", description = "groups, playbooks or plugins")
    Kind kind;

    CompleteNamesCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    protected int run() {
        List<String> names = switch (kind) {
            case groups -> CommittedGroups.in(home()).stream().map(stored -> stored.key().name()).toList();
            case playbooks -> PlaybookRegistries.of(cli, home()).list().stream().map(PinnedPlaybook::name)
                    .sorted().toList();
            case plugins -> new PluginDiscovery(home().pluginsDir()).list().stream().map(PluginEndpoint::name)
                    .toList();
        };
        names.forEach(cli.out()::println);
        return ExitCode.OK;
    }
}
