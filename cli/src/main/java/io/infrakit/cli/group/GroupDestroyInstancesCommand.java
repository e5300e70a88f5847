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
import io.infrakit.spi.instance.InstanceId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.List;

@Command(name = "destroy-instances", description = "Destroy some members of a group and lower its size to match.")
final class GroupDestroyInstancesCommand extends BaseCommand {

    @Mixin
    GroupIdParameter group = new GroupIdParameter();

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "INSTANCE", description = "The members to destroy")
    List<String> instances;

    GroupDestroyInstancesCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    protected int run() {
        GroupAddress address = group.address();
        GroupId id = address.group();
        List<InstanceId> members = instances.stream().map(InstanceId::of).toList();
        GroupPlugin groups = GroupConnection.open(cli, home(), address.plugin()).groups(id);
        group.requireIn(groups);
        groups.destroyInstances(id, members);
        cli.out().println("Initiated.");
        cli.out().flush();
        return ExitCode.OK;
    }
}
