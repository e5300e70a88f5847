package io.infrakit.plugins.flavor.swarm;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;

/**
 * Docker's events API, {@code type=node}, on a client of its own without a response timeout: a swarm may stay quiet
 * for hours.
 */
final class DockerNodeEventSource implements NodeEventSource {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    @Override
    public Closeable stream(String host, ResultCallback<Event> callback) {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host)
                .withDockerTlsVerify(false).build();
        DockerClient docker = DockerClientImpl.getInstance(config, new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).connectionTimeout(CONNECT_TIMEOUT).build());
        try {
            docker.eventsCmd().withEventTypeFilter(EventType.NODE).exec(callback);
        } catch (RuntimeException e) {
            closeQuietly(docker);
            throw e;
        }
        return () -> {
            closeQuietly(callback);
            closeQuietly(docker);
        };
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException | RuntimeException e) {
            // the stream is gone either way
        }
    }
}
