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

@Command(name = "destroy", description = "Destroy a group and all its instances.")
final class GroupDestroyCommand extends BaseCommand {

    @Mixin
    GroupIdParameter group = new GroupIdParameter();

    GroupDestroyCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    protected int run() {
        GroupAddress address = group.address();
        GroupId id = address.group();
        GroupPlugin groups = GroupConnection.open(cli, home(), address.plugin()).groups(id);
        group.requireIn(groups);
        groups.destroyGroup(id);
        cli.out().println("Destroy " + id + " initiated");
        cli.out().flush();
        return ExitCode.OK;
    }
}
