package io.infrakit.cli.instance;

import picocli.CommandLine.Command;

@Command(name = "instance", description = "Provision, describe and destroy instances with an instance plugin.",
        subcommands = {InstanceProvisionCommand.class, InstanceDescribeCommand.class, InstanceDestroyCommand.class})
public final class InstanceCommand {
}
