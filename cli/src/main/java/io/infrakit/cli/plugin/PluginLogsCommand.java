package io.infrakit.cli.plugin;

import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.LogFile;
import io.infrakit.manager.process.ProcessStates;
import io.infrakit.manager.process.PluginsConfig;
import io.infrakit.spi.Identifiers;
import io.infrakit.spi.PluginNotFoundException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

@Command(name = "logs", description = "Print a plugin process's log ($INFRAKIT_HOME/logs/NAME.log, its stdout and "
        + "stderr), also when it is stopped; with -f, go on printing what it adds until Ctrl-C. Exit 4 when it has no log.")
final class PluginLogsCommand extends BaseCommand {

    @Parameters(paramLabel = "NAME", description = "The plugin process, as named in the plugins config")
    String name;

    @Option(names = {"-f", "--follow"}, description = "Go on printing the lines the plugin adds, until Ctrl-C")
    boolean follow;

    PluginLogsCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    protected int run() throws IOException {
        Path log = ProcessStates.logFile(home(), name);
        if (!Files.isRegularFile(log)) {
            java.util.List<String> known = PluginsConfig.read(home()).names();
            throw new PluginNotFoundException("no log for plugin '" + Identifiers.escape(name) + "' at " + log
                    + ": it has never run as a process ('infrakit plugin start NAME'); plugins config: "
                    + (known.isEmpty() ? "(none)" : String.join(", ", known)), name, known);
        }
        new LogFile(cli).print(log, follow);
        return ExitCode.OK;
    }
}
