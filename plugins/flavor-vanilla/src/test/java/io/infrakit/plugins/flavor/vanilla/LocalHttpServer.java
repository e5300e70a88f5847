package io.infrakit.plugins.flavor.vanilla;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.infrakit.spi.Any;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.PublishedPorts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP server on 127.0.0.1 standing in for an instance whose port 80 is published there. Handlers that stall
 * are released when the server closes.
 */
final class LocalHttpServer implements AutoCloseable {

    static final int INSTANCE_PORT = 80;

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);

    LocalHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(handlers);
        server.start();
    }

    LocalHttpServer answering(String path, int status, String body) {
        server.createContext(path, exchange -> respond(exchange, status, body));
        return this;
    }

    /** Answers {@code path} only when the server closes, long after any health check gave up. */
    LocalHttpServer stalling(String path) {
        server.createContext(path, exchange -> {
            awaitClosing();
            exchange.close();
        });
        return this;
    }

    /** Sends a 200 and the start of a body on {@code path}, then nothing more until the server closes. */
    LocalHttpServer stallingMidBody(String path, String start) {
        server.createContext(path, exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write(start.getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            awaitClosing();
            exchange.close();
        });
        return this;
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** An instance whose plugin published its port 80 at this server. */
    InstanceDescription instance() {
        return instancePublishing(port());
    }

    static InstanceDescription instancePublishing(int hostPort) {
        Any properties = Any.of(Map.of(PublishedPorts.PROPERTY,
                PublishedPorts.of("127.0.0.1", Map.of(INSTANCE_PORT, hostPort))));
        return new InstanceDescription(InstanceId.of("i-1"), null, Map.of(), properties);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    private void awaitClosing() {
        try {
            closing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
