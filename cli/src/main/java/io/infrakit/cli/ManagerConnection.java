package io.infrakit.cli;

import io.infrakit.engine.InfrakitHome;
import io.infrakit.rpc.InProcessPlugin;
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

/** The CLI's way to the plugins the manager serves; starts the manager first when it is not running. */
final class ManagerConnection {

    static final String GROUP_PLUGIN = "group";

    private final CliEnvironment cli;
    private final InfrakitHome home;
    private final Duration timeout;

    private ManagerConnection(CliEnvironment cli, InfrakitHome home) {
        this.cli = cli;
        this.home = home;
        this.timeout = PluginClient.timeoutFrom(cli.environment());
    }

    static ManagerConnection open(CliEnvironment cli, InfrakitHome home) {
        if (ManagerProcess.running(home).isEmpty()) {
            long pid = ManagerProcess.start(cli, home);
            cli.notice("started the manager (pid " + pid + ", log " + home.managerLogFile() + ")");
        }
        return new ManagerConnection(cli, home);
    }

    List<PluginEndpoint> endpoints() {
        return discovery().list();
    }

    PluginClient client(PluginEndpoint endpoint) {
        return PluginClient.of(endpoint, timeout);
    }

    InstancePlugin instancePlugin(PluginName pluginName) {
        return new RemoteInstancePlugin(client(discovery().find(pluginName, InstancePlugin.INTERFACE)), pluginName);
    }

    /**
     * The manager's group plugin: it stores each commit before the group controller acts on it. A command running
     * inside the manager calls it directly.
     */
    GroupPlugin groups() {
        if (cli.managerGroups() != null) {
            return InProcessPlugin.of(GroupPlugin.class, cli.managerGroups(), GROUP_PLUGIN);
        }
        PluginName name = PluginName.of(GROUP_PLUGIN);
        return new RemoteGroupPlugin(client(discovery().find(name, GroupPlugin.INTERFACE)), name);
    }

    /** Status in detail and pause/resume: our extension of the manager's group plugin. */
    RolloutControl rollouts() {
        if (cli.managerGroups() != null) {
            return InProcessPlugin.of(RolloutControl.class, cli.managerGroups(), GROUP_PLUGIN);
        }
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
