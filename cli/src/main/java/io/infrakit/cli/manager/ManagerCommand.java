package io.infrakit.cli.manager;

import picocli.CommandLine.Command;

@Command(name = "manager", description = "Run, start, stop or check the manager daemon, or read its log.",
        subcommands = {ManagerRunCommand.class, ManagerStartCommand.class, ManagerStopCommand.class,
                ManagerStatusCommand.class, ManagerLogsCommand.class})
public final class ManagerCommand {
}
