package io.infrakit.cli.group;

import io.infrakit.cli.GroupAddress;
import io.infrakit.cli.GroupConnection;
import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.GroupIdParameter;
import io.infrakit.cli.ManagerConnection;
import io.infrakit.spi.group.GroupId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "pause", description = "Hold a group's rollout where it stands; self-healing goes on.")
final class GroupPauseCommand extends BaseCommand {

    @Mixin
    GroupIdParameter group = new GroupIdParameter();

    GroupPauseCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    protected int run() {
        GroupAddress address = group.address();
        GroupId id = address.group();
        GroupConnection connection = GroupConnection.open(cli, home(), address.plugin());
        group.requireIn(connection.groups(id));
        connection.requireRollouts("group pause", id).pause(id);
        cli.out().println("Paused " + id);
        cli.out().flush();
        return ExitCode.OK;
    }
}
