package io.infrakit.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "version", description = "Print the version, the commit it was built from and when.")
final class VersionCommand extends BaseCommand {

    @Mixin
    OutputOptions output = new OutputOptions();

    VersionCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    protected int run() {
        Version version = Version.current();
        Printer.print(cli, output.format, version.fields(), version::line);
        return ExitCode.OK;
    }
}
