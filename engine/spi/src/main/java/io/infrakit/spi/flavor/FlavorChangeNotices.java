package io.infrakit.spi.flavor;

import io.infrakit.spi.Any;
import io.infrakit.spi.instance.InstanceChangeNotices;
import io.infrakit.spi.instance.InstancesChanged;

import java.util.function.Consumer;

/**
 * Optional capability of a flavor plugin, the flavor's side of {@link InstanceChangeNotices}: it tells when the
 * health it would judge may have changed, such as a swarm node going down, so that a group controller reconciles at
 * once rather than at its next poll. The subscription is for one group's flavor properties, since they say where the
 * flavor looks (a swarm's manager, say). A notice is only a hint: the listener asks the flavor again, and keeps
 * polling. Plugins reached over their socket do not offer it; built-in plugins hosted in the manager's process may.
 */
public interface FlavorChangeNotices {

    /**
     * Calls the listener, on a thread of the plugin's, after each change or burst of changes it can see for
     * instances judged with these properties, until the subscription is closed; the notice names the instances when
     * the flavor can tell which, and is empty when it cannot. The listener must return quickly and not throw.
     */
    InstanceChangeNotices.Subscription subscribe(Any properties, Consumer<InstancesChanged> listener);
}
