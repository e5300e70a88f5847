package io.infrakit.plugins.instance.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.PluginException;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * One Docker Engine API endpoint ({@code unix:///var/run/docker.sock}, {@code tcp://host:2375}) and its clients:
 * one for requests, which time out, and one for the event stream, which may stay quiet for hours.
 */
final class DockerEndpoint implements AutoCloseable {

    static final String DEFAULT_HOST = "unix:///var/run/docker.sock";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofMinutes(2);

    private final String host;
    private final DockerClient requests;
    private final DockerClient events;

    DockerEndpoint(String host) {
        this.host = host;
        DockerClientConfig config;
        try {
            config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
        } catch (RuntimeException e) {
            throw new InvalidSpecException("docker plugin option \"Host\" must be a Docker endpoint such as "
                    + DEFAULT_HOST + " or tcp://127.0.0.1:2375, got \"" + host + "\"", e);
        }
        this.requests = DockerClientImpl.getInstance(config, new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).sslConfig(config.getSSLConfig())
                .connectionTimeout(CONNECT_TIMEOUT).responseTimeout(RESPONSE_TIMEOUT).build());
        this.events = DockerClientImpl.getInstance(config, new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).sslConfig(config.getSSLConfig())
                .connectionTimeout(CONNECT_TIMEOUT).build());
    }

    String host() {
        return host;
    }

    DockerClient requests() {
        return requests;
    }

    DockerClient events() {
        return events;
    }

    /**
     * Runs one request of an operation; a daemon that cannot be reached is told as one line naming the plugin, the
     * operation and the endpoint, whatever exception the transport wrapped it in.
     */
    <T> T call(String operation, Supplier<T> request) {
        try {
            return request.get();
        } catch (RuntimeException e) {
            if (unreachable(e)) {
                throw unreachable(operation, e);
            }
            throw e;
        }
    }

    PluginException unreachable(String operation, Throwable e) {
        return new PluginException(DockerPluginProvider.NAME, operation,
                "dockerd unreachable at " + host + ": " + rootMessage(e), e);
    }

    static boolean unreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }

    @Override
    public void close() {
        try {
            requests.close();
            events.close();
        } catch (IOException e) {
            // the clients hold nothing a dying process must release
        }
    }
}
