package io.infrakit.cli.group;

import io.infrakit.cli.GroupAddress;
import io.infrakit.cli.GroupConnection;
import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.GroupIdParameter;
import io.infrakit.cli.ManagerConnection;
import io.infrakit.common.UsageException;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPlugin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "scale", description = "Show a group's size, or set it.")
final class GroupScaleCommand extends BaseCommand {

    @Mixin
    GroupIdParameter group = new GroupIdParameter();

    @Parameters(index = "1", arity = "0..1", paramLabel = "N", description = "The new size")
    Integer size;

    GroupScaleCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    protected int run() {
        GroupAddress address = group.address();
        GroupId id = address.group();
        if (size != null && size < 0) {
            throw new UsageException("group scale " + id + ": the size must be 0 or more, got " + size);
        }
        GroupPlugin groups = GroupConnection.open(cli, home(), address.plugin()).groups(id);
        group.requireIn(groups);
        int current = groups.size(id);
        if (size == null) {
            cli.out().println("Group " + id + " at " + current + " instances");
        } else {
            groups.setSize(id, size);
            cli.out().println("Group " + id + " at " + current + " instances, scale to " + size);
        }
        cli.out().flush();
        return ExitCode.OK;
    }
}
