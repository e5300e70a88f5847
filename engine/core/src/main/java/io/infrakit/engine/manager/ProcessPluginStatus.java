package io.infrakit.engine.manager;

import java.util.Optional;

/**
 * Why a plugin the manager runs as a process of its own cannot be called now ({@code restarting after a crash},
 * {@code gave up after 5 restarts}); empty when it can, or when no process of that name is supervised. The group
 * controller's calls to such a plugin fail with this reason, so a group waits and says why instead of finding its
 * instances gone.
 */
@FunctionalInterface
public interface ProcessPluginStatus {

    Optional<String> unavailable(String pluginName);

    static ProcessPluginStatus none() {
        return name -> Optional.empty();
    }
}
