package io.infrakit.cli.manager;

import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.ManagerConnection;
import io.infrakit.manager.ManagerProcess;
import io.infrakit.engine.InfrakitHome;
import picocli.CommandLine.Command;

import java.util.OptionalLong;

@Command(name = "start", description = "Start the manager in the background (pid and log files in the home).")
final class ManagerStartCommand extends BaseCommand {

    ManagerStartCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    protected int run() {
        InfrakitHome home = home();
        OptionalLong running = ManagerProcess.running(home);
        if (running.isPresent()) {
            cli.out().println("manager already running (pid " + running.getAsLong() + ")");
            return ExitCode.OK;
        }
        long pid = ManagerConnection.startManager(cli, home);
        cli.out().println("manager started (pid " + pid + ", log " + home.managerLogFile() + ")");
        return ExitCode.OK;
    }
}
