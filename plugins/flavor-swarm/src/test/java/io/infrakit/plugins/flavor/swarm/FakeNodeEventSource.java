package io.infrakit.plugins.flavor.swarm;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;

import java.io.Closeable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Node event streams in memory: each one opened is kept, to send it events or break it. */
final class FakeNodeEventSource implements NodeEventSource {

    /** One stream opened at a host. */
    static final class Opened {
        final String host;
        final ResultCallback<Event> callback;
        volatile boolean closed;

        Opened(String host, ResultCallback<Event> callback) {
            this.host = host;
            this.callback = callback;
        }

        void send(Event event) {
            callback.onNext(event);
        }

        /** The engine went away: the stream ends with an error. */
        void breakOff() {
            callback.onError(new java.io.IOException("connection reset"));
        }
    }

    private final List<Opened> opened = new CopyOnWriteArrayList<>();

    @Override
    public Closeable stream(String host, ResultCallback<Event> callback) {
        Opened stream = new Opened(host, callback);
        opened.add(stream);
        Closeable close = () -> {
            stream.closed = true;
            callback.onComplete();
        };
        callback.onStart(close);
        return close;
    }

    List<Opened> opened() {
        return List.copyOf(opened);
    }

    List<Opened> open() {
        return opened.stream().filter(stream -> !stream.closed).toList();
    }
}
