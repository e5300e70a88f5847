package io.infrakit.engine.manager;

import io.infrakit.rpc.PluginClient;
import io.infrakit.rpc.PluginDiscovery;
import io.infrakit.rpc.PluginEndpoint;
import io.infrakit.rpc.PluginUnavailableException;
import io.infrakit.rpc.RemoteFlavorPlugin;
import io.infrakit.rpc.RemoteInstancePlugin;
import io.infrakit.spi.InterfaceSpec;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.PluginNotFoundException;
import io.infrakit.spi.flavor.FlavorPlugin;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.plugin.PluginLookup;
import io.infrakit.spi.plugin.PluginObjects;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Finds plugins for the manager's own plugins: the ones this process hosts are called directly, any other plugin
 * through its socket in the plugins directory, so a plugin started apart from the manager works the same.
 */
final class ManagerPluginLookup implements PluginLookup {

    private final Map<String, PluginObjects> hosted = new ConcurrentHashMap<>();
    private final PluginDiscovery discovery;
    private final Duration timeout;
    private final ProcessPluginStatus processes;

    ManagerPluginLookup(Path pluginsDir, Duration timeout, ProcessPluginStatus processes) {
        this.discovery = new PluginDiscovery(pluginsDir);
        this.timeout = timeout;
        this.processes = processes;
    }

    void host(String name, PluginObjects objects) {
        hosted.put(name, objects);
    }

    @Override
    public InstancePlugin instance(PluginName name) {
        return find(name, InstancePlugin.INTERFACE, PluginObjects::instances,
                endpoint -> new RemoteInstancePlugin(PluginClient.of(endpoint, timeout), name));
    }

    @Override
    public FlavorPlugin flavor(PluginName name) {
        return find(name, FlavorPlugin.INTERFACE, PluginObjects::flavors,
                endpoint -> new RemoteFlavorPlugin(PluginClient.of(endpoint, timeout), name));
    }

    private <T> T find(PluginName name, InterfaceSpec wanted, Function<PluginObjects, Map<String, T>> kind,
                       Function<PluginEndpoint, T> remote) {
        PluginObjects objects = hosted.get(name.lookup());
        if (objects == null) {
            processes.unavailable(name.lookup()).ifPresent(reason -> {
                throw new PluginUnavailableException(name.lookup(), discovery.directory().resolve(name.lookup()),
                        reason);
            });
            return remote.apply(discovery.find(name, wanted));
        }
        T object = kind.apply(objects).get(name.type());
        if (object == null) {
            TreeSet<String> known = new TreeSet<>();
            kind.apply(objects).keySet().forEach(type -> known.add(type.isEmpty() ? name.lookup() : name.lookup() + "/" + type));
            throw new PluginNotFoundException(name.toString(), known.stream().toList());
        }
        return object;
    }
}
