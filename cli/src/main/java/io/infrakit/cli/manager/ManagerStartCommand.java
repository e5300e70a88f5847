package io.infrakit.cli.manager;

import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.ManagerConnection;
import io.infrakit.manager.ManagerProcess;
import io.infrakit.engine.InfrakitHome;
import io.infrakit.engine.manager.ManagerConfig;
import io.infrakit.engine.plugin.PluginRegistry;
import picocli.CommandLine.Command;

import java.util.OptionalLong;

@Command(name = "start", description = "Start the manager in the background (pid and log files in the home), serving "
        + "the plugins $INFRAKIT_HOME/manager.yml names ('plugin start' writes it; exit 3 if it is invalid), else all.")
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
        ManagerConfig.selection(home, PluginRegistry.load(ManagerStartCommand.class.getClassLoader()));
        long pid = ManagerConnection.startManager(cli, home);
        cli.out().println("manager started (pid " + pid + ", log " + home.managerLogFile() + ")");
        return ExitCode.OK;
    }
}
