package io.infrakit.cli.manager;

import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.ExitCode;
import io.infrakit.manager.ManagerProcess;
import picocli.CommandLine.Command;

@Command(name = "stop", description = "Stop the manager; its sockets and pid file go with it.")
final class ManagerStopCommand extends BaseCommand {

    ManagerStopCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    protected int run() {
        cli.out().println(ManagerProcess.stop(home()) ? "manager stopped" : "manager is not running");
        return ExitCode.OK;
    }
}
