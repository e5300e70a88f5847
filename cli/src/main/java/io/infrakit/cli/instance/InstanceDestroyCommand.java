package io.infrakit.cli.instance;

import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.ManagerConnection;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstancePlugin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.List;

@Command(name = "destroy", description = "Destroy instances by ID.")
final class InstanceDestroyCommand extends BaseCommand {

    @Mixin
    PluginOption plugin = new PluginOption();

    @Parameters(arity = "1..*", paramLabel = "ID", description = "The IDs of the instances to destroy")
    List<String> ids;

    InstanceDestroyCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    protected int run() {
        PluginName name = plugin.pluginName();
        List<InstanceId> targets = ids.stream().map(InstanceId::of).toList();
        InstancePlugin instances = ManagerConnection.open(cli, home()).instancePlugin(name);
        for (InstanceId id : targets) {
            instances.destroy(id, DestroyReason.TERMINATE);
            cli.out().println(id);
        }
        cli.out().flush();
        return ExitCode.OK;
    }
}
