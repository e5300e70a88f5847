package io.infrakit.plugins.flavor.swarm;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import io.infrakit.common.InstanceChangeListeners;
import io.infrakit.common.ReconnectingStream;
import io.infrakit.spi.instance.InstanceChangeNotices;
import io.infrakit.spi.instance.InstancesChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The swarm flavor's change notices: while anyone listens for a manager engine, follows its node events (a node
 * created, updated — down, ready, drained, promoted — or removed) and tells an empty notice for each, since a node
 * names no instance; the controller's queue folds a burst into one reconcile. When the stream ends (the engine
 * restarted, say) it is opened again ({@link ReconnectingStream}), and once connected again tells an empty notice:
 * what happened meanwhile is unknown. One stream per engine, however many groups listen.
 */
final class SwarmNodeEvents {

    private static final Logger LOG = LoggerFactory.getLogger(SwarmNodeEvents.class);

    private final NodeEventSource source;
    private final Map<String, Follower> followers = new HashMap<>();

    SwarmNodeEvents(NodeEventSource source) {
        this.source = source;
    }

    synchronized InstanceChangeNotices.Subscription subscribe(String host, Consumer<InstancesChanged> listener) {
        return followers.computeIfAbsent(host, Follower::new).listeners.subscribe(listener);
    }

    /** One engine's stream, followed while it has listeners. */
    private final class Follower {

        private final String host;
        private final ReconnectingStream stream = new ReconnectingStream("swarm-flavor-node-events", this::open,
                this::failed);
        private final InstanceChangeListeners listeners = new InstanceChangeListeners(stream::start, stream::stop);

        Follower(String host) {
            this.host = host;
        }

        private ReconnectingStream.Connection open(boolean reconnecting) {
            Stream callback = new Stream(reconnecting);
            Closeable opened = source.stream(host, callback);
            return new ReconnectingStream.Connection() {
                @Override
                public void awaitEnd() throws InterruptedException {
                    callback.awaitCompletion();
                }

                @Override
                public boolean connected() {
                    return callback.connected;
                }

                @Override
                public void close() {
                    try {
                        opened.close();
                    } catch (IOException e) {
                        // the stream is gone either way
                    }
                }
            };
        }

        private void failed(RuntimeException e) {
            LOG.debug("swarm flavor: node events from {} failed: {}", host, e.toString());
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
}
