package io.infrakit.engine.plugin;

import io.infrakit.spi.PluginNotFoundException;
import io.infrakit.spi.plugin.PluginProvider;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The in-process plugins, found once with {@link ServiceLoader} and indexed by name. */
public final class PluginRegistry {

    private final Map<String, PluginProvider> providers;

    private PluginRegistry(Map<String, PluginProvider> providers) {
        this.providers = Map.copyOf(providers);
    }

    public static PluginRegistry load(ClassLoader classLoader) {
        Map<String, PluginProvider> byName = new TreeMap<>();
        for (PluginProvider provider : ServiceLoader.load(PluginProvider.class, classLoader)) {
            PluginProvider previous = byName.putIfAbsent(provider.name(), provider);
            if (previous != null) {
                throw new IllegalStateException("two plugins are named '" + provider.name() + "': "
                        + previous.getClass().getName() + " and " + provider.getClass().getName());
            }
        }
        return new PluginRegistry(byName);
    }

    public static PluginRegistry of(Collection<PluginProvider> providers) {
        Map<String, PluginProvider> byName = new TreeMap<>();
        providers.forEach(provider -> byName.put(provider.name(), provider));
        return new PluginRegistry(byName);
    }

    public List<String> names() {
        return providers.keySet().stream().sorted().toList();
    }

    public List<PluginProvider> providers() {
        return names().stream().map(providers::get).toList();
    }

    public PluginProvider provider(String name) {
        PluginProvider provider = providers.get(name);
        if (provider == null) {
            throw new PluginNotFoundException(name, names());
        }
        return provider;
    }
}
