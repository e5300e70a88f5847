package io.infrakit.cli;

import io.infrakit.engine.InfrakitHome;
import io.infrakit.engine.manager.Manager;
import io.infrakit.engine.manager.PluginSelection;
import io.infrakit.manager.ManagerProcess;
import io.infrakit.rpc.PluginClient;
import io.infrakit.rpc.PluginDiscovery;
import io.infrakit.rpc.PluginEndpoint;
import io.infrakit.rpc.RemoteGroupPlugin;
import io.infrakit.rpc.RemoteInstancePlugin;
import io.infrakit.rpc.RemoteRolloutControl;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.group.GroupPlugin;
import io.infrakit.spi.group.RolloutControl;
import io.infrakit.spi.instance.InstancePlugin;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The CLI's way to the plugins the manager serves; starts the manager first when it is not running. */
public final class ManagerConnection {

    static final String GROUP_PLUGIN = "group";

    private final CliEnvironment cli;
    private final InfrakitHome home;
    private final Duration timeout;

    private ManagerConnection(CliEnvironment cli, InfrakitHome home) {
        this.cli = cli;
        this.home = home;
        this.timeout = PluginClient.timeoutFrom(cli.environment());
    }

    public static ManagerConnection open(CliEnvironment cli, InfrakitHome home) {
        if (ManagerProcess.running(home).isEmpty()) {
            long pid = startManager(cli, home);
            cli.notice("started the manager (pid " + pid + ", log " + home.managerLogFile() + ")");
        }
        return new ManagerConnection(cli, home);
    }

    /** Starts the manager of this home in the background, as {@code infrakit manager run}; returns its pid. */
    public static long startManager(CliEnvironment cli, InfrakitHome home) {
        return ManagerProcess.start(home, cli.environment(), cli::notice,
                List.of(Main.class.getName(), "manager", "run"));
    }

    /** The running manager's plugins, without starting one: empty when no manager runs for this home. */
    static Optional<ManagerConnection> ifRunning(CliEnvironment cli, InfrakitHome home) {
        return ManagerProcess.running(home).isPresent() ? Optional.of(new ManagerConnection(cli, home))
                : Optional.empty();
    }

    /** The kind of each plugin the manager serves, by name ({@link Manager#served}). */
    public Map<String, String> servedKinds() {
        return Manager.served(home).stream()
                .collect(Collectors.toMap(PluginSelection::name, PluginSelection::kind, (a, b) -> a));
    }

    public InfrakitHome home() {
        return home;
    }

    public List<PluginEndpoint> endpoints() {
        return discovery().list();
    }

    public PluginClient client(PluginEndpoint endpoint) {
        return PluginClient.of(endpoint, timeout);
    }

    public InstancePlugin instancePlugin(PluginName pluginName) {
        return new RemoteInstancePlugin(client(discovery().find(pluginName, InstancePlugin.INTERFACE)), pluginName);
    }

    /** The manager's group plugin: it stores each commit before the group controller acts on it. */
    public GroupPlugin groups() {
        PluginName name = PluginName.of(GROUP_PLUGIN);
        return new RemoteGroupPlugin(client(discovery().find(name, GroupPlugin.INTERFACE)), name);
    }

    /** Status in detail and pause/resume: our extension of the manager's group plugin. */
    public RolloutControl rollouts() {
        PluginName name = PluginName.of(GROUP_PLUGIN);
        return new RemoteRolloutControl(client(discovery().find(name, RolloutControl.INTERFACE)), name);
    }

    private PluginDiscovery discovery() {
        return new PluginDiscovery(home.pluginsDir());
    }

    CliEnvironment cli() {
        return cli;
    }
}
