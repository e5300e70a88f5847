package io.infrakit.cli;

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
    int run() {
        GroupId id = group.groupId();
        ManagerConnection manager = ManagerConnection.open(cli, home());
        group.requireIn(manager.groups());
        manager.rollouts().resume(id);
        cli.out().println("Resumed " + group.id);
        cli.out().flush();
        return ExitCode.OK;
    }
}
