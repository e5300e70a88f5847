package io.infrakit.cli;

import io.infrakit.spi.group.GroupDescription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;

@Command(name = "describe", description = "Show a group's instances and whether it has converged.")
final class GroupDescribeCommand extends BaseCommand {

    @Mixin
    GroupIdParameter group = new GroupIdParameter();

    @Mixin
    OutputOptions output = new OutputOptions();

    GroupDescribeCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    int run() {
        GroupDescription description = ManagerConnection.open(cli, home()).groups().describeGroup(group.groupId());
        Printer.print(cli, output.format, description, () -> "group " + group.id + ": "
                + description.instances().size() + " instances, "
                + (description.converged() ? "converged" : "not converged") + "\n"
                + Printer.table(List.of("ID", "LOGICAL", "TAGS"), description.instances().stream()
                        .map(instance -> List.of(instance.id().value(),
                                instance.logicalIdIfAny().map(Object::toString).orElse("-"),
                                InstanceDescribeCommand.tagsText(instance.tags())))
                        .toList()));
        return ExitCode.OK;
    }
}
