package io.infrakit.cli;

import io.infrakit.spi.PluginName;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.Map;

@Command(name = "provision", description = "Create one instance from an InfraKit instance spec and print its ID.")
final class InstanceProvisionCommand extends BaseCommand {

    @Mixin
    PluginOption plugin = new PluginOption();

    @Mixin
    OutputOptions output = new OutputOptions();

    @Parameters(index = "0", paramLabel = "FILE", defaultValue = "-",
            description = "The spec (Properties, Tags, Init, LogicalID, Attachments) as JSON or YAML; - for stdin")
    String source;

    InstanceProvisionCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    int run() {
        PluginName name = plugin.pluginName();
        InstanceSpec spec = SpecFiles.read(source, cli.in(), cli.workingDirectory(), InstanceSpec.class);
        InstanceId id = ManagerConnection.open(cli, home()).instancePlugin(name).provision(spec);
        Printer.print(cli, output.format, Map.of("ID", id.value()), id::value);
        return ExitCode.OK;
    }
}
