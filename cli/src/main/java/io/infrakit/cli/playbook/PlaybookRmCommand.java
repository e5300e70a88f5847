package io.infrakit.cli.playbook;

import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.PlaybookRegistries;
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
    protected int run() {
        PlaybookRegistries.of(cli, home()).remove(name);
        cli.out().println("removed " + name);
        cli.out().flush();
        return ExitCode.OK;
    }
}
