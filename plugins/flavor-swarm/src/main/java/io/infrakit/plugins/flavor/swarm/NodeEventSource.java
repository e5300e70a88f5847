package io.infrakit.plugins.flavor.swarm;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;

import java.io.Closeable;

/** Where the swarm flavor hears of node changes: a manager engine's event stream, filtered on nodes. */
interface NodeEventSource {

    /**
     * Starts streaming the node events of the engine at {@code host} into the callback, which is told when the stream
     * starts and when it ends or breaks; closing the result ends the stream.
     */
    Closeable stream(String host, ResultCallback<Event> callback);
}
