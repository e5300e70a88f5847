package io.infrakit.common;

import io.infrakit.spi.instance.InstanceChangeNotices;
import io.infrakit.spi.instance.InstancesChanged;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The listeners of one plugin's {@link InstanceChangeNotices} (or of one source a flavor's
 * {@code FlavorChangeNotices} watches, such as a swarm manager's events). What watches for changes starts with the first
 * listener and stops when the last one goes, so a plugin nobody listens to runs no watch.
 */
public final class InstanceChangeListeners {

    /** One subscription; its own object, so the same listener subscribed twice is two subscriptions. */
    private static final class Registration {
        final Consumer<InstancesChanged> listener;

        Registration(Consumer<InstancesChanged> listener) {
            this.listener = listener;
        }
    }

    private final Runnable startWatching;
    private final Runnable stopWatching;
    private final List<Registration> registrations = new CopyOnWriteArrayList<>();

    /** For a plugin that tells of changes it makes happen itself, with nothing to start. */
    public InstanceChangeListeners() {
        this(() -> { }, () -> { });
    }

    /**
     * @param startWatching run as the first listener subscribes; what it throws fails that subscribe
     * @param stopWatching  run as the last listener's subscription is closed
     */
    public InstanceChangeListeners(Runnable startWatching, Runnable stopWatching) {
        this.startWatching = startWatching;
        this.stopWatching = stopWatching;
    }

    public synchronized InstanceChangeNotices.Subscription subscribe(Consumer<InstancesChanged> listener) {
        Registration registration = new Registration(listener);
        if (registrations.isEmpty()) {
            startWatching.run();
        }
        registrations.add(registration);
        return () -> unsubscribe(registration);
    }

    public boolean isEmpty() {
        return registrations.isEmpty();
    }

    /** Tells every listener; one that throws does not keep the notice from the others. */
    public void tell(InstancesChanged notice) {
        for (Registration registration : registrations) {
            try {
                registration.listener.accept(notice);
            } catch (RuntimeException e) {
                // A notice is a hint: the listener's next poll sees the change all the same.
            }
        }
    }

    private synchronized void unsubscribe(Registration registration) {
        if (registrations.remove(registration) && registrations.isEmpty()) {
            stopWatching.run();
        }
    }
}
