package io.infrakit.cli.group;

import io.infrakit.cli.ConvergenceWait;
import io.infrakit.cli.GroupAddress;
import io.infrakit.cli.GroupConnection;
import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.GroupIdParameter;
import io.infrakit.cli.ManagerConnection;
import io.infrakit.cli.OutputOptions;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPlugin;
import io.infrakit.spi.group.RolloutControl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.Optional;
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
        GroupAddress address = group.address();
        GroupId id = address.group();
        GroupConnection connection = GroupConnection.open(cli, home(), address.plugin());
        GroupPlugin groups = connection.groups(id);
        group.requireIn(groups);
        Optional<RolloutControl> rollouts = connection.rollouts(id);
        if (rollouts.isEmpty()) {
            ConvergenceWait.ofInfrakit(cli, groups, id, null,
                    connection.missing("events") + "; showing the group's members and size instead")
                    .follow(untilConverged);
            return ExitCode.OK;
        }
        new EventWatch(cli, rollouts.get(), id, output.format,
                () -> LockSupport.parkNanos(POLL.toNanos())).run(all, untilConverged);
        return ExitCode.OK;
    }
}
