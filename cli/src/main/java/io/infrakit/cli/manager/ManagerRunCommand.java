package io.infrakit.cli.manager;

import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.CommandPlacement;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.Main;
import io.infrakit.manager.Daemon;
import picocli.CommandLine.Command;

import java.util.List;

/** {@code manager run}: the daemon ({@link Daemon}) in the foreground, running this CLI's commands for the launcher. */
@Command(name = "run", description = "Run the manager in the foreground until it is stopped (SIGTERM or Ctrl-C).")
final class ManagerRunCommand extends BaseCommand {

    ManagerRunCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    protected int run() throws InterruptedException {
        Daemon.run(home(), cli.environment(), new CommandPlacement(home()),
                List.of(Main.class.getName(), "plugin", "run"), cli.out());
        return ExitCode.OK;
    }
}
