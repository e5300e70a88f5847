package io.infrakit.cli;

import io.infrakit.manager.ManagerProcess;
import picocli.CommandLine.Command;

@Command(name = "stop", description = "Stop the manager; its sockets and pid file go with it.")
final class ManagerStopCommand extends BaseCommand {

    ManagerStopCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    int run() {
        cli.out().println(ManagerProcess.stop(home()) ? "manager stopped" : "manager is not running");
        return ExitCode.OK;
    }
}
