package io.infrakit.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "rm", description = "Forget a playbook and delete its cached copy.")
final class PlaybookRmCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    PlaybookRmCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    int run() {
        PlaybookRegistries.of(cli, home()).remove(name);
        cli.out().println("removed " + name);
        cli.out().flush();
        return ExitCode.OK;
    }
}
