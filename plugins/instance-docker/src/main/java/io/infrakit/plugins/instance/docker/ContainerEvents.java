package io.infrakit.plugins.instance.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import io.infrakit.common.InstanceChangeListeners;
import io.infrakit.common.ReconnectingStream;
import io.infrakit.spi.instance.InstanceChangeNotices;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstancesChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Follows dockerd's event stream while anyone listens, and tells them of each container of the plugin's that
 * died, stopped or was removed. When the stream ends (dockerd restarted, say) it is opened again
 * ({@link ReconnectingStream}), and once connected again tells an empty notice: what happened meanwhile is unknown.
 */
final class ContainerEvents {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerEvents.class);
    static final String[] ACTIONS = {"die", "stop", "kill", "destroy", "oom"};

    private final DockerEndpoint endpoint;
    private final Map<String, String> labels;
    private final ReconnectingStream stream = new ReconnectingStream("docker-plugin-events", this::open,
            this::failed);
    private final InstanceChangeListeners listeners = new InstanceChangeListeners(stream::start, stream::stop);

    ContainerEvents(DockerEndpoint endpoint, Map<String, String> labels) {
        this.endpoint = endpoint;
        this.labels = Map.copyOf(labels);
    }

    InstanceChangeNotices.Subscription subscribe(Consumer<InstancesChanged> listener) {
        return listeners.subscribe(listener);
    }

    void stop() {
        stream.stop();
    }

    private ReconnectingStream.Connection open(boolean reconnecting) {
        Stream callback = endpoint.events().eventsCmd()
                .withEventTypeFilter(EventType.CONTAINER)
                .withEventFilter(ACTIONS)
                .withLabelFilter(labels)
                .exec(new Stream(reconnecting));
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
                    callback.close();
                } catch (IOException e) {
                    // the stream is gone either way
                }
            }
        };
    }

    private void failed(RuntimeException e) {
        LOG.debug("docker plugin: event stream from {} failed: {}", endpoint.host(), e.toString());
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
