package io.infrakit.cli.group;

import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.GroupIdParameter;
import io.infrakit.cli.ManagerConnection;
import io.infrakit.cli.OutputOptions;
import io.infrakit.spi.group.GroupId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

@Command(name = "watch", description = "Print a group's events as they happen, until Ctrl-C or, with "
        + "--until-converged, until the group converges.")
final class GroupWatchCommand extends BaseCommand {

    private static final Duration POLL = Duration.ofMillis(200);

    @Mixin
    GroupIdParameter group = new GroupIdParameter();

    @Mixin
    OutputOptions output = new OutputOptions();

    @Option(names = "--until-converged", description = "Stop once the group has converged")
    boolean untilConverged;

    @Option(names = "--all", description = "Print the recent events the manager still keeps first")
    boolean all;

    GroupWatchCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    protected int run() {
        GroupId id = group.groupId();
        ManagerConnection manager = ManagerConnection.open(cli, home());
        group.requireIn(manager.groups());
        new EventWatch(cli, manager.rollouts(), id, output.format,
                () -> LockSupport.parkNanos(POLL.toNanos())).run(all, untilConverged);
        return ExitCode.OK;
    }
}
