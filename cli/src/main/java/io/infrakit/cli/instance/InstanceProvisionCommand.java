package io.infrakit.cli.instance;

import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.ManagerConnection;
import io.infrakit.cli.OutputOptions;
import io.infrakit.cli.Printer;
import io.infrakit.cli.SpecFiles;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.Map;

@Command(name = "provision", description = "Create one instance from an InfraKit instance spec and print its ID.")
public final class InstanceProvisionCommand extends BaseCommand {

    @Mixin
    PluginOption plugin = new PluginOption();

    @Mixin
    OutputOptions output = new OutputOptions();

    @Parameters(index = "0", paramLabel = "FILE", defaultValue = "-",
            description = "The spec (Properties, Tags, Init, LogicalID, Attachments) as JSON or YAML; - for stdin")
    public String source;

    InstanceProvisionCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    protected int run() {
        PluginName name = plugin.pluginName();
        InstanceSpec spec = SpecFiles.read(source, cli.in(), cli.workingDirectory(), InstanceSpec.class);
        InstanceId id = ManagerConnection.open(cli, home()).instancePlugin(name).provision(spec);
        Printer.print(cli, output.format, Map.of("ID", id.value()), id::value);
        return ExitCode.OK;
    }
}
