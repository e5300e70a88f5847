package io.infrakit.plugins.instance.qemu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted QMP peer on a real unix socket, one client at a time as QEMU's monitor: each connection gets QEMU's
 * greeting and an answer to {@code qmp_capabilities}, then the raw text of its {@link Conversation}, then is hung up
 * or held open until the client leaves. Connections beyond the script are held open with nothing more said.
 */
final class FakeQmpPeer implements AutoCloseable {

    static final String GREETING = "{\"QMP\": {\"version\": {\"qemu\": {\"major\": 7}}, \"capabilities\": []}}\n";

    /** What one connection is told after the capabilities, and whether the peer then hangs up. */
    record Conversation(String text, boolean hangUp) {
        static Conversation thenHangUp(String text) {
            return new Conversation(text, true);
        }

        static Conversation thenHold(String text) {
            return new Conversation(text, false);
        }
    }

    private final ServerSocketChannel server;
    private final List<Conversation> script;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final Thread thread;

    private FakeQmpPeer(Path socket, List<Conversation> script) throws IOException {
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        this.script = List.copyOf(script);
        this.thread = new Thread(this::serve, "fake-qmp");
        thread.setDaemon(true);
        thread.start();
    }

    static FakeQmpPeer serve(Path socket, Conversation... script) throws IOException {
        return new FakeQmpPeer(socket, List.of(script));
    }

    int connections() {
        return connections.get();
    }

    List<String> received() {
        return received;
    }

    private void serve() {
        while (server.isOpen()) {
            try (SocketChannel peer = server.accept();
                 BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(peer),
                         StandardCharsets.UTF_8));
                 OutputStream out = Channels.newOutputStream(peer)) {
                int number = connections.getAndIncrement();
                out.write(GREETING.getBytes(StandardCharsets.UTF_8));
                String capabilities = in.readLine();
                if (capabilities == null) {
                    continue;
                }
                received.add(capabilities);
                out.write("{\"return\": {}}\n".getBytes(StandardCharsets.UTF_8));
                Conversation conversation = number < script.size() ? script.get(number)
                        : Conversation.thenHold("");
                out.write(conversation.text().getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (!conversation.hangUp()) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        received.add(line);
                    }
                }
            } catch (IOException e) {
                // the client left, or the peer is closing
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
