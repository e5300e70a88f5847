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

@Command(name = "resume", description = "Let a paused rollout go on.")
final class GroupResumeCommand extends BaseCommand {

    @Mixin
    GroupIdParameter group = new GroupIdParameter();

    GroupResumeCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    protected int run() {
        GroupAddress address = group.address();
        GroupId id = address.group();
        GroupConnection connection = GroupConnection.open(cli, home(), address.plugin());
        group.requireIn(connection.groups(id));
        connection.requireRollouts("group resume", id).resume(id);
        cli.out().println("Resumed " + id);
        cli.out().flush();
        return ExitCode.OK;
    }
}
