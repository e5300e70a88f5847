package io.infrakit.plugins.instance.qemu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrakit.spi.Json;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A connection to QEMU's machine protocol (QMP) on its unix socket: line-delimited JSON, a greeting, then
 * {@code qmp_capabilities}, then commands and asynchronous events. Every command's read is bounded by the timeout, so
 * a wedged VM cannot hang the plugin, and every line by {@link #MAX_LINE_BYTES}, so a peer that never ends a line
 * cannot make it allocate without limit. Events that arrive between a command and its answer are skipped; a
 * connection kept for events reads them with {@link #nextEvent()}.
 */
final class QmpClient implements AutoCloseable {

    /** QEMU's events and the answers the plugin asks for are a few hundred bytes. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    private final SocketChannel channel;
    private final Selector selector;
    private final Duration timeout;
    private final ByteBuffer input = ByteBuffer.allocate(4096).flip();
    private final byte[] line = new byte[MAX_LINE_BYTES];
    private int lineLength;
    private volatile boolean closed;

    private QmpClient(SocketChannel channel, Selector selector, Duration timeout) {
        this.channel = channel;
        this.selector = selector;
        this.timeout = timeout;
    }

    /** Connects, reads the greeting and leaves capabilities negotiation mode, each within the timeout. */
    static QmpClient connect(Path socket, Duration timeout) throws IOException {
        SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        Selector selector = null;
        try {
            channel.configureBlocking(false);
            selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
            QmpClient client = new QmpClient(channel, selector, timeout);
            JsonNode greeting = client.readMessage(client.deadline());
            if (!greeting.has("QMP")) {
                throw new IOException("not a QMP greeting: " + abbreviated(greeting.toString()));
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
        long deadline = deadline();
        while (true) {
            JsonNode message = readMessage(deadline);
            if (message.has("return")) {
                return message.get("return");
            }
            if (message.has("error")) {
                JsonNode error = message.get("error");
                throw new IOException(command + ": " + abbreviated(error.path("desc").asText(error.toString())));
            }
        }
    }

    /**
     * The next asynchronous event, waiting as long as it takes; other messages are skipped. Ends with an
     * IOException when QEMU closes the connection, sends what is not QMP, or {@link #close()} is called.
     */
    QmpEvent nextEvent() throws IOException {
        while (true) {
            var event = QmpEvent.of(readMessage(Long.MAX_VALUE));
            if (event.isPresent()) {
                return event.get();
            }
        }
    }

    private long deadline() {
        return System.nanoTime() + timeout.toNanos();
    }

    private void write(String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        long deadline = deadline();
        while (bytes.hasRemaining()) {
            if (channel.write(bytes) == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("QMP write timed out after " + timeout.toMillis() + " ms");
                }
                Thread.onSpinWait();
            }
        }
    }

    /** The next JSON object; {@code deadline} is a {@link System#nanoTime()}, or Long.MAX_VALUE for none. */
    private JsonNode readMessage(long deadline) throws IOException {
        try {
            while (true) {
                String text = takeLine();
                if (text != null) {
                    if (text.isBlank()) {
                        continue;
                    }
                    JsonNode message = parse(text);
                    if (!message.isObject()) {
                        throw new IOException("QMP sent what is not a JSON object: " + abbreviated(text));
                    }
                    return message;
                }
                awaitInput(deadline);
            }
        } catch (ClosedSelectorException e) {
            throw new IOException("QMP connection closed");
        }
    }

    private static JsonNode parse(String text) throws IOException {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new IOException("QMP sent what is not JSON: " + abbreviated(text));
        }
    }

    private void awaitInput(long deadline) throws IOException {
        if (closed) {
            throw new IOException("QMP connection closed");
        }
        if (deadline == Long.MAX_VALUE) {
            selector.select();
        } else {
            long left = deadline - System.nanoTime();
            if (left <= 0 || selector.select(Math.max(1, left / 1_000_000)) == 0 && System.nanoTime() >= deadline) {
                throw new IOException("no answer from QMP within " + timeout.toMillis() + " ms");
            }
        }
        selector.selectedKeys().clear();
        input.clear();
        int read = channel.read(input);
        input.flip();
        if (read < 0) {
            throw new IOException("QMP closed the connection");
        }
    }

    /** A whole line read so far, without its newline; null until one is complete. */
    private String takeLine() throws IOException {
        while (input.hasRemaining()) {
            byte next = input.get();
            if (next == '\n') {
                String text = new String(line, 0, lineLength, StandardCharsets.UTF_8);
                lineLength = 0;
                return text;
            }
            if (lineLength == line.length) {
                throw new IOException("QMP sent a line longer than " + MAX_LINE_BYTES + " bytes");
            }
            line[lineLength++] = next;
        }
        return null;
    }

    private static String abbreviated(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 80) + "...";
    }

    /**
     * Also ends a {@link #nextEvent()} that waits on another thread: the flag is set before the wakeup, so that
     * thread cannot go back to waiting, and the selector's close (which waits for its select to return) cannot hang.
     */
    @Override
    public void close() throws IOException {
        closed = true;
        selector.wakeup();
        try {
            selector.close();
        } finally {
            channel.close();
        }
    }
}
