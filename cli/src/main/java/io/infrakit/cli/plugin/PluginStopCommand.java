package io.infrakit.cli.plugin;

import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.ExitCode;
import io.infrakit.common.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

@Command(name = "stop", description = "Stop plugin processes (SIGTERM, then SIGKILL after 5s); their sockets go with "
        + "them and the manager no longer starts them. The manager's own plugins stop with 'infrakit manager stop'. "
        + "Exit 4 for a name that is not a plugin process.")
final class PluginStopCommand extends BaseCommand {

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "A plugin process to stop")
    List<String> names = List.of();

    @Option(names = "--all", description = "Stop every plugin process")
    boolean all;

    PluginStopCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    protected int run() {
        if (all == !names.isEmpty()) {
            throw new UsageException("name the plugin processes to stop, or --all");
        }
        List<String> stopped = new PluginProcessControl(cli, home()).stop(all ? List.of() : names);
        if (stopped.isEmpty()) {
            cli.out().println("no plugin processes running");
        }
        stopped.forEach(name -> cli.out().println("stopped " + name));
        return ExitCode.OK;
    }
}
