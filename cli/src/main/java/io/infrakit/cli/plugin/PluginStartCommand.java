package io.infrakit.cli.plugin;

import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.ManagerConnection;
import io.infrakit.engine.InfrakitHome;
import io.infrakit.engine.manager.Manager;
import io.infrakit.engine.manager.ManagerAlreadyRunningException;
import io.infrakit.engine.manager.ManagerConfig;
import io.infrakit.engine.manager.PluginSelection;
import io.infrakit.engine.plugin.PluginRegistry;
import io.infrakit.common.UsageException;
import io.infrakit.manager.ManagerProcess;
import io.infrakit.manager.process.PluginsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

@Command(name = "start", description = {
        "Start plugin processes by their names in the plugins config ($INFRAKIT_HOME/plugins.yml, see "
                + "docs/plugins-processes.md): the manager runs and supervises them, and this waits until each "
                + "socket answers the handshake. Exit 4 when one does not start (naming its log), 7 when a running "
                + "plugin has the name; nothing changes then.",
        "Otherwise start the manager serving exactly these plugins, each under its name, as InfraKit's "
                + "'plugin start manager:mystack group file:instance-file vanilla:flavor-vanilla'. Kinds: manager "
                + "(the group plugin that stores every commit, default name group), group (the group controller, "
                + "default name group-stateless), and each plugin by its own name (file, vanilla, simulator, qemu).",
        "The choice is kept in $INFRAKIT_HOME/manager.yml, which 'manager start' reads too. Exit 4 for an unknown "
                + "kind, 2 for a bad or repeated name; with a manager already running, 0 if it serves exactly "
                + "these plugins, else 7 and nothing changes (stop it first)."})
final class PluginStartCommand extends BaseCommand {

    @Parameters(arity = "1..*", paramLabel = "NAME|KIND[:NAME]", description = "A plugin process of the plugins "
            + "config, or a plugin for the manager to serve, under NAME (default: the kind's own name)")
    List<String> plugins;

    PluginStartCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    protected int run() {
        InfrakitHome home = home();
        PluginsConfig processes = PluginsConfig.read(home);
        List<String> processNames = plugins.stream().filter(name -> processes.entry(name).isPresent()).toList();
        if (!processNames.isEmpty()) {
            if (processNames.size() != plugins.size()) {
                throw new UsageException("start plugin processes (" + String.join(", ", processNames) + ", from "
                        + PluginsConfig.fileOrDefault(home) + ") and the manager's plugins (" + plugins.stream()
                        .filter(name -> !processNames.contains(name)).collect(Collectors.joining(", "))
                        + ") with two commands");
            }
            new PluginProcessControl(cli, home).start(processNames);
            return ExitCode.OK;
        }
        List<PluginSelection> selection = PluginSelection.resolve(plugins,
                PluginRegistry.load(PluginStartCommand.class.getClassLoader()));
        OptionalLong running = ManagerProcess.running(home);
        if (running.isPresent()) {
            List<PluginSelection> served = Manager.served(home);
            if (served.size() == selection.size() && served.containsAll(selection)) {
                cli.out().println("manager already running (pid " + running.getAsLong() + ") with plugins "
                        + names(served));
                return ExitCode.OK;
            }
            throw new ManagerAlreadyRunningException(running.getAsLong(), "a manager is running (pid "
                    + running.getAsLong() + ") with plugins " + names(served) + "; stop it first (infrakit manager stop)");
        }
        Optional<byte[]> before = ManagerConfig.current(home);
        ManagerConfig.write(home, selection);
        long pid;
        try {
            pid = ManagerConnection.startManager(cli, home);
        } catch (RuntimeException e) {
            ManagerConfig.restore(home, before);
            throw e;
        }
        cli.out().println("manager started (pid " + pid + ", log " + home.managerLogFile() + ") with plugins "
                + names(selection));
        return ExitCode.OK;
    }

    private static String names(List<PluginSelection> plugins) {
        return plugins.isEmpty() ? "(unknown)" : plugins.stream().map(PluginSelection::toString)
                .collect(Collectors.joining(" "));
    }
}
