package io.infrakit.cli;

import io.infrakit.engine.InfrakitHome;
import io.infrakit.manager.ManagerProcess;
import io.infrakit.rpc.PluginClient;
import io.infrakit.rpc.PluginDiscovery;
import io.infrakit.rpc.PluginEndpoint;
import io.infrakit.rpc.PluginUnavailableException;
import io.infrakit.rpc.RemoteGroupPlugin;
import io.infrakit.rpc.RemoteRolloutControl;
import io.infrakit.spi.IncompatiblePluginException;
import io.infrakit.spi.InterfaceSpec;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.PluginNotFoundException;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPlugin;
import io.infrakit.spi.group.RolloutControl;
import io.infrakit.spi.stack.StackPlugin;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The group plugin a group command talks to, and what it offers, read once from its handshake. It is the one named
 * ({@code --plugin NAME}, {@code NAME/GROUP}), else the manager's {@code group}, else the only plugin serving all
 * groups as InfraKit's manager does (a {@code groups} object) or as ours does (our Rollout extension). Calls about one
 * group address the group's own object when the plugin has one, as InfraKit's CLI does ({@code mystack/cattle}), else
 * the object of all groups. A plugin without our Rollout extension is an InfraKit one: the commands then fall back to
 * InfraKit's methods and say what is missing ({@link #missing}).
 */
public final class GroupConnection {

    /** The object InfraKit's manager serves all its groups as; it serves each group as an object of its ID too. */
    static final String ALL_GROUPS = "groups";

    /** How long a plugin may take to answer its handshake when the default plugin is looked for among all. */
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(2);

    private final PluginName plugin;
    private final PluginClient client;
    private final List<String> groupObjects;
    private final List<String> rolloutObjects;
    private final Map<PluginName, GroupPlugin> groups = new HashMap<>();

    private GroupConnection(PluginName plugin, PluginClient client, Map<InterfaceSpec, List<String>> offered) {
        this.plugin = plugin;
        this.client = client;
        this.groupObjects = offered.getOrDefault(GroupPlugin.INTERFACE, List.of());
        this.rolloutObjects = offered.getOrDefault(RolloutControl.INTERFACE, List.of());
    }

    /**
     * Connects to the named group plugin, or the default one. Starts the manager when none runs and the plugin does not
     * answer: it may be the manager's.
     */
    public static GroupConnection open(CliEnvironment cli, InfrakitHome home, Optional<PluginName> named) {
        PluginDiscovery discovery = new PluginDiscovery(home.pluginsDir());
        PluginName plugin = named.orElseGet(() -> defaultPlugin(home, discovery));
        Duration timeout = PluginClient.timeoutFrom(cli.environment());
        Optional<PluginEndpoint> serving = discovery.list().stream()
                .filter(endpoint -> endpoint.name().equals(plugin.lookup())).findFirst();
        if (serving.isPresent()) {
            PluginClient client = PluginClient.of(serving.get(), timeout);
            try {
                return new GroupConnection(plugin, client, client.hello());
            } catch (PluginUnavailableException e) {
                if (ManagerProcess.running(home).isPresent()) {
                    throw e;
                }
            }
        }
        ManagerConnection.open(cli, home);
        PluginClient client = PluginClient.of(discovery.find(plugin, GroupPlugin.INTERFACE), timeout);
        return new GroupConnection(plugin, client, client.hello());
    }

    /** The group plugin addressed when none is named; a one-line error listing the group plugins when it is unclear. */
    public static PluginName defaultPlugin(InfrakitHome home, PluginDiscovery discovery) {
        List<PluginEndpoint> endpoints = discovery.list();
        PluginName managers = PluginName.of(ManagerConnection.GROUP_PLUGIN);
        if (endpoints.stream().anyMatch(endpoint -> endpoint.name().equals(managers.lookup()))) {
            return managers;
        }
        Map<String, Map<InterfaceSpec, List<String>>> offers = new HashMap<>();
        for (PluginEndpoint endpoint : endpoints) {
            try {
                offers.put(endpoint.name(), PluginClient.of(endpoint, LOOKUP_TIMEOUT).hello());
            } catch (RuntimeException unreachable) {
                // Not a candidate: only a plugin that answers can be the default.
            }
        }
        List<String> allGroups = offers.entrySet().stream()
                .filter(offer -> offer.getValue().getOrDefault(GroupPlugin.INTERFACE, List.of()).contains(ALL_GROUPS)
                        || offer.getValue().containsKey(RolloutControl.INTERFACE))
                .map(Map.Entry::getKey).sorted().toList();
        if (allGroups.size() == 1) {
            return PluginName.of(allGroups.get(0));
        }
        // InfraKit's layout serves both the manager and the controller behind it; the manager (Stack) is the one.
        List<String> managersOfAllGroups = allGroups.stream()
                .filter(name -> offers.get(name).containsKey(StackPlugin.INTERFACE)).toList();
        if (managersOfAllGroups.size() == 1) {
            return PluginName.of(managersOfAllGroups.get(0));
        }
        if (allGroups.isEmpty() && ManagerProcess.running(home).isEmpty()) {
            return managers;
        }
        List<String> groupPlugins = offers.entrySet().stream()
                .filter(offer -> offer.getValue().containsKey(GroupPlugin.INTERFACE))
                .map(Map.Entry::getKey).sorted().toList();
        throw new PluginNotFoundException("no default group plugin: '" + managers + "' does not serve and "
                + (allGroups.isEmpty() ? "no plugin serves all groups" : allGroups.size() + " plugins serve all groups")
                + "; name one with --plugin NAME or NAME/GROUP; group plugins: "
                + (groupPlugins.isEmpty() ? "(none)" : String.join(", ", groupPlugins)), managers.toString(),
                groupPlugins);
    }

    /** The plugin's name as the user gave it, or the default's: {@code mystack}. */
    public PluginName plugin() {
        return plugin;
    }

    /** The object of all groups, for listing and committing them. */
    public GroupPlugin groups() {
        return groupPlugin(address(groupObjects, null));
    }

    /** The object to ask about one group. */
    public GroupPlugin groups(GroupId group) {
        return groupPlugin(address(groupObjects, group));
    }

    /** Our extension (status in detail, revisions, events), when the plugin offers it. */
    public Optional<RolloutControl> rollouts(GroupId group) {
        return rolloutObjects.isEmpty() ? Optional.empty()
                : Optional.of(new RemoteRolloutControl(client, address(rolloutObjects, group)));
    }

    /** Our extension, for a command that cannot do without it: exit 4 naming what the plugin lacks. */
    public RolloutControl requireRollouts(String command, GroupId group) {
        return rollouts(group).orElseThrow(() -> new IncompatiblePluginException(command + ": "
                + missing(RolloutControl.INTERFACE.encoded()) + ": it serves InfraKit's Group methods alone"));
    }

    /** What an InfraKit plugin does not offer, said: {@code history: not offered by plugin mystack (InfraKit)}. */
    public String missing(String what) {
        return what + ": not offered by plugin " + plugin.lookup() + " (InfraKit)";
    }

    private GroupPlugin groupPlugin(PluginName name) {
        return groups.computeIfAbsent(name, object -> new RemoteGroupPlugin(client, object));
    }

    /** A type given with the plugin wins; else the group's own object, the object of all groups, the default. */
    private PluginName address(List<String> objects, GroupId group) {
        if (plugin.hasType()) {
            return plugin;
        }
        if (group != null && objects.contains(group.value())) {
            return new PluginName(plugin.lookup(), group.value());
        }
        if (objects.contains(ALL_GROUPS)) {
            return new PluginName(plugin.lookup(), ALL_GROUPS);
        }
        return plugin;
    }
}
