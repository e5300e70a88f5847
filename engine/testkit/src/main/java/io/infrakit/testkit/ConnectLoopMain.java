package io.infrakit.testkit;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What {@link OtherUser#connectLoop} runs as the other user, in a JVM of its own with this one class on its class
 * path (so it needs nothing else readable): connects to each socket again and again, as fast as it can, and on
 * each connection sends an HTTP request; any byte that comes back is an answer, appended to the answers file as
 * {@code socket: first line}. Says it has started with a file {@code <stop>.started}; stops once the stop file
 * exists, and writes how many connections it tried to {@code <stop>.attempts}. Arguments: answers file, stop file,
 * sockets...
 */
public final class ConnectLoopMain {

    private static final String BODY = "{\"jsonrpc\":\"2.0\",\"method\":\"Plugin.Implements\",\"params\":{},\"id\":1}";
    private static final byte[] REQUEST = ("POST / HTTP/1.1\r\nHost: infrakit\r\nContent-Type: application/json\r\n"
            + "Content-Length: " + BODY.length() + "\r\n\r\n" + BODY).getBytes(StandardCharsets.US_ASCII);
    private static final long ANSWER_WAIT_MILLIS = 2_000;

    private ConnectLoopMain() {
    }

    public static void main(String[] args) throws IOException {
        Path answers = Path.of(args[0]);
        Path stop = Path.of(args[1]);
        Files.writeString(stop.resolveSibling(stop.getFileName() + ".started"), "");
        long attempts = 0;
        while (!Files.exists(stop)) {
            for (int i = 2; i < args.length; i++) {
                attempts++;
                String answer = knock(Path.of(args[i]));
                if (answer != null) {
                    Files.writeString(answers, args[i] + ": " + answer + "\n", StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
            }
        }
        Files.writeString(stop.resolveSibling(stop.getFileName() + ".attempts"), Long.toString(attempts));
    }

    /** The first line of what the socket sent back, or null when it could not be reached or sent nothing. */
    private static String knock(Path socket) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            ByteBuffer request = ByteBuffer.wrap(REQUEST);
            while (request.hasRemaining()) {
                channel.write(request);
            }
            channel.configureBlocking(false);
            try (Selector selector = Selector.open()) {
                channel.register(selector, SelectionKey.OP_READ);
                if (selector.select(ANSWER_WAIT_MILLIS) == 0) {
                    return null;
                }
                ByteBuffer received = ByteBuffer.allocate(256);
                if (channel.read(received) <= 0) {
                    return null;
                }
                String text = new String(received.array(), 0, received.position(), StandardCharsets.ISO_8859_1);
                return text.lines().findFirst().orElse(text);
            }
        } catch (IOException e) {
            return null;
        }
    }
}
