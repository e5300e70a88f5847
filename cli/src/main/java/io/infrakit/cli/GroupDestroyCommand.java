package io.infrakit.cli;

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
    int run() {
        ManagerConnection.open(cli, home()).groups().destroyGroup(group.groupId());
        cli.out().println("Destroy " + group.id + " initiated");
        cli.out().flush();
        return ExitCode.OK;
    }
}
