package io.infrakit.cli.group;

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
        GroupId id = group.groupId();
        ManagerConnection manager = ManagerConnection.open(cli, home());
        group.requireIn(manager.groups());
        manager.rollouts().resume(id);
        cli.out().println("Resumed " + group.id);
        cli.out().flush();
        return ExitCode.OK;
    }
}
