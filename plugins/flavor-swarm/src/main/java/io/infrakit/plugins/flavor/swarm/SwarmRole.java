package io.infrakit.plugins.flavor.swarm;

import java.util.Locale;

/** The two typed flavors the swarm plugin exposes: {@code swarm/manager} and {@code swarm/worker}. */
enum SwarmRole {
    MANAGER,
    WORKER;

    /** The plugin type, and the role in the link context ({@code swarm::<cluster>::worker}). */
    String type() {
        return name().toLowerCase(Locale.ROOT);
    }

    String pluginName() {
        return SwarmPluginProvider.NAME + "/" + type();
    }
}
