package io.infrakit.cli.group;

import io.infrakit.cli.GroupAddress;
import io.infrakit.cli.GroupConnection;
import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.GroupIdParameter;
import io.infrakit.cli.ManagerConnection;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPlugin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "free", description = "Stop managing a group and leave its instances alone.")
final class GroupFreeCommand extends BaseCommand {

    @Mixin
    GroupIdParameter group = new GroupIdParameter();

    GroupFreeCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    protected int run() {
        GroupAddress address = group.address();
        GroupId id = address.group();
        GroupPlugin groups = GroupConnection.open(cli, home(), address.plugin()).groups(id);
        group.requireIn(groups);
        groups.freeGroup(id);
        cli.out().println("Freed " + id);
        cli.out().flush();
        return ExitCode.OK;
    }
}
