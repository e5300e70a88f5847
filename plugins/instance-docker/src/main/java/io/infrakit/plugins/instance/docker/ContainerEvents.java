package io.infrakit.plugins.instance.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import io.infrakit.common.InstanceChangeListeners;
import io.infrakit.spi.instance.InstanceChangeNotices;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstancesChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Follows dockerd's event stream while anyone listens, and tells them of each container of the plugin's that
 * died, stopped or was removed. When the stream ends (dockerd restarted, say) it reconnects, backing off up to a
 * second between attempts, and once connected again tells an empty notice: what happened meanwhile is unknown.
 */
final class ContainerEvents {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerEvents.class);
    static final String[] ACTIONS = {"die", "stop", "kill", "destroy", "oom"};
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
    private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(1);

    private final DockerEndpoint endpoint;
    private final Map<String, String> labels;
    private final InstanceChangeListeners listeners = new InstanceChangeListeners(this::start, this::stop);
    private volatile Thread follower;
    private volatile Closeable stream;

    ContainerEvents(DockerEndpoint endpoint, Map<String, String> labels) {
        this.endpoint = endpoint;
        this.labels = Map.copyOf(labels);
    }

    InstanceChangeNotices.Subscription subscribe(Consumer<InstancesChanged> listener) {
        return listeners.subscribe(listener);
    }

    /** Runs under the listeners' lock, as does {@link #stop}. */
    private void start() {
        Thread thread = new Thread(this::follow, "docker-plugin-events");
        thread.setDaemon(true);
        follower = thread;
        thread.start();
    }

    void stop() {
        Thread thread = follower;
        follower = null;
        if (thread != null) {
            thread.interrupt();
            closeStream();
        }
    }

    private void follow() {
        Duration backoff = FIRST_BACKOFF;
        boolean reconnecting = false;
        while (follower == Thread.currentThread()) {
            Stream current = new Stream(reconnecting);
            try {
                stream = endpoint.events().eventsCmd()
                        .withEventTypeFilter(EventType.CONTAINER)
                        .withEventFilter(ACTIONS)
                        .withLabelFilter(labels)
                        .exec(current);
                current.awaitCompletion();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.debug("docker plugin: event stream from {} failed: {}", endpoint.host(), e.toString());
            } finally {
                closeStream();
            }
            if (follower != Thread.currentThread()) {
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

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
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
            String id = event.getActor() != null && event.getActor().getId() != null
                    ? event.getActor().getId() : event.getId();
            listeners.tell(id == null ? new InstancesChanged(Set.of()) : InstancesChanged.of(InstanceId.of(id)));
        }
    }
}
