package io.infrakit.plugins.instance.qemu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrakit.spi.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A connection to QEMU's machine protocol (QMP) on its unix socket: line-delimited JSON, a greeting, then
 * {@code qmp_capabilities}, then commands. Every read is bounded by the timeout, so a wedged VM cannot hang the
 * plugin; asynchronous events that arrive between a command and its answer are skipped.
 */
final class QmpClient implements AutoCloseable {

    private final SocketChannel channel;
    private final Selector selector;
    private final Duration timeout;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    private QmpClient(SocketChannel channel, Selector selector, Duration timeout) {
        this.channel = channel;
        this.selector = selector;
        this.timeout = timeout;
    }

    /** Connects, reads the greeting and leaves capabilities negotiation mode. */
    static QmpClient connect(Path socket, Duration timeout) throws IOException {
        SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        Selector selector = null;
        try {
            channel.configureBlocking(false);
            selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
            QmpClient client = new QmpClient(channel, selector, timeout);
            JsonNode greeting = client.readMessage();
            if (!greeting.has("QMP")) {
                throw new IOException("not a QMP greeting: " + greeting);
            }
            client.execute("qmp_capabilities");
            return client;
        } catch (IOException | RuntimeException e) {
            if (selector != null) {
                selector.close();
            }
            channel.close();
            throw e;
        }
    }

    /** Runs a command without arguments and returns its {@code return} value. */
    JsonNode execute(String command) throws IOException {
        return execute(command, null);
    }

    JsonNode execute(String command, ObjectNode arguments) throws IOException {
        ObjectNode request = Json.mapper().createObjectNode().put("execute", command);
        if (arguments != null) {
            request.set("arguments", arguments);
        }
        write(Json.mapper().writeValueAsString(request) + "\n");
        while (true) {
            JsonNode message = readMessage();
            if (message.has("return")) {
                return message.get("return");
            }
            if (message.has("error")) {
                JsonNode error = message.get("error");
                throw new IOException(command + ": " + error.path("desc").asText(error.toString()));
            }
        }
    }

    private void write(String line) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (bytes.hasRemaining()) {
            if (channel.write(bytes) == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("QMP write timed out after " + timeout.toMillis() + " ms");
                }
                Thread.onSpinWait();
            }
        }
    }

    private JsonNode readMessage() throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        while (true) {
            String line = takeLine();
            if (line != null) {
                if (!line.isBlank()) {
                    return Json.mapper().readTree(line);
                }
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || selector.select(Math.max(1, left / 1_000_000)) == 0 && System.nanoTime() >= deadline) {
                throw new IOException("no answer from QMP within " + timeout.toMillis() + " ms");
            }
            selector.selectedKeys().clear();
            buffer.clear();
            int read = channel.read(buffer);
            if (read < 0) {
                throw new IOException("QMP closed the connection");
            }
            pending.write(buffer.array(), 0, read);
        }
    }

    private String takeLine() {
        byte[] bytes = pending.toByteArray();
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                pending.reset();
                pending.write(bytes, i + 1, bytes.length - i - 1);
                return new String(bytes, 0, i, StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        try {
            selector.close();
        } finally {
            channel.close();
        }
    }
}
