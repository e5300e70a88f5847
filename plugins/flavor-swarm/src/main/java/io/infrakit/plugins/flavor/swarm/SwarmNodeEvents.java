package io.infrakit.plugins.flavor.swarm;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import io.infrakit.common.InstanceChangeListeners;
import io.infrakit.spi.instance.InstanceChangeNotices;
import io.infrakit.spi.instance.InstancesChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The swarm flavor's change notices: while anyone listens for a manager engine, follows its node events (a node
 * created, updated — down, ready, drained, promoted — or removed) and tells an empty notice for each, since a node
 * names no instance; the controller's queue folds a burst into one reconcile. When the stream ends (the engine
 * restarted, say) it reconnects, backing off up to a second between attempts, and once connected again tells an
 * empty notice: what happened meanwhile is unknown. One stream per engine, however many groups listen.
 */
final class SwarmNodeEvents {

    private static final Logger LOG = LoggerFactory.getLogger(SwarmNodeEvents.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
    private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(1);

    private final NodeEventSource source;
    private final Map<String, Follower> followers = new HashMap<>();

    SwarmNodeEvents(NodeEventSource source) {
        this.source = source;
    }

    synchronized InstanceChangeNotices.Subscription subscribe(String host, Consumer<InstancesChanged> listener) {
        return followers.computeIfAbsent(host, Follower::new).listeners.subscribe(listener);
    }

    /** One engine's stream, followed on a thread of its own while it has listeners. */
    private final class Follower {

        private final String host;
        private final InstanceChangeListeners listeners = new InstanceChangeListeners(this::start, this::stop);
        private volatile Thread thread;
        private volatile Closeable stream;

        Follower(String host) {
            this.host = host;
        }

        /** Runs under the listeners' lock, as does {@link #stop}. */
        private void start() {
            Thread started = new Thread(this::follow, "swarm-flavor-node-events");
            started.setDaemon(true);
            thread = started;
            started.start();
        }

        private void stop() {
            Thread running = thread;
            thread = null;
            if (running != null) {
                running.interrupt();
                closeStream();
            }
        }

        private void follow() {
            Duration backoff = FIRST_BACKOFF;
            boolean reconnecting = false;
            while (thread == Thread.currentThread()) {
                Stream current = new Stream(reconnecting);
                try {
                    stream = source.stream(host, current);
                    if (thread != Thread.currentThread()) {
                        closeStream();
                        return;
                    }
                    current.awaitCompletion();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    LOG.debug("swarm flavor: node events from {} failed: {}", host, e.toString());
                } finally {
                    closeStream();
                }
                if (thread != Thread.currentThread()) {
                    return;
                }
                backoff = current.connected ? FIRST_BACKOFF : min(backoff.multipliedBy(2), LONGEST_BACKOFF);
                reconnecting = true;
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void closeStream() {
            Closeable open = stream;
            stream = null;
            if (open != null) {
                try {
                    open.close();
                } catch (Exception e) {
                    // the stream is gone either way
                }
            }
        }

        /** One connection to the event stream. */
        private final class Stream extends ResultCallback.Adapter<Event> {

            private final boolean reconnecting;
            private volatile boolean connected;

            Stream(boolean reconnecting) {
                this.reconnecting = reconnecting;
            }

            @Override
            public void onStart(Closeable closeable) {
                super.onStart(closeable);
                connected = true;
                if (reconnecting) {
                    listeners.tell(new InstancesChanged(Set.of()));
                }
            }

            @Override
            public void onNext(Event event) {
                listeners.tell(new InstancesChanged(Set.of()));
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
