package io.infrakit.spi.instance;

import java.util.function.Consumer;

/**
 * Optional capability of an instance plugin: it tells when its instances may have changed, such as an instance
 * file deleted by hand or a VM process that ended, so that a group controller reconciles at once rather than at its
 * next poll. A notice is only a hint: the listener describes the instances again, and keeps polling, since a plugin
 * may miss a change or tell one twice. Plugins reached over their socket do not offer it; built-in plugins hosted
 * in the manager's process may.
 */
public interface InstanceChangeNotices {

    /**
     * Calls the listener, on a thread of the plugin's, after each change or burst of changes, until the subscription
     * is closed. The listener must return quickly and not throw.
     */
    Subscription subscribe(Consumer<InstancesChanged> listener);

    /** Closing it stops the notices to its listener; closing it again does nothing. */
    interface Subscription extends AutoCloseable {

        @Override
        void close();
    }
}
