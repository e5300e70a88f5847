package io.infrakit.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Map;

@Command(name = "version", description = "Print the version.")
final class VersionCommand extends BaseCommand {

    @Mixin
    OutputOptions output = new OutputOptions();

    VersionCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    int run() {
        String version = Version.current();
        Printer.print(cli, output.format, Map.of("Version", version), () -> "infrakit " + version);
        return ExitCode.OK;
    }
}
