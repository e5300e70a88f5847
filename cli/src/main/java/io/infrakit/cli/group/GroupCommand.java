package io.infrakit.cli.group;

import picocli.CommandLine.Command;

@Command(name = "group", description = "Commit, inspect, scale, roll back and destroy groups of instances.",
        subcommands = {GroupCommitCommand.class, GroupLsCommand.class, GroupDescribeCommand.class,
                GroupScaleCommand.class, GroupFreeCommand.class, GroupDestroyCommand.class,
                GroupDestroyInstancesCommand.class, GroupPauseCommand.class, GroupResumeCommand.class,
                GroupHistoryCommand.class, GroupRollbackCommand.class, GroupWatchCommand.class,
                GroupInspectCommand.class})
public final class GroupCommand {
}
