package io.infrakit.testkit;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * What {@link OtherUser#connectLoop} runs as the other user, in a JVM of its own with this one class on its class
 * path (so it needs nothing else readable): connects to each socket again and again, as fast as it can, and on
 * each connection sends an HTTP request; any byte that comes back is an answer, appended to the answers file as
 * {@code socket: first line}. An argument ending in {@code /} is a directory: every socket this user can find under
 * it, a few levels deep, is tried too, each round anew. Says it has started with a file {@code <stop>.started};
 * stops once the stop file exists (or its directory is gone, or after half an hour), and writes how many
 * connections it tried, and how many of those connected, to {@code <stop>.attempts}. Arguments: answers file,
 * stop file, sockets...
 */
public final class ConnectLoopMain {

    private static final String BODY = "{\"jsonrpc\":\"2.0\",\"method\":\"Plugin.Implements\",\"params\":{},\"id\":1}";
    private static final byte[] REQUEST = ("POST / HTTP/1.1\r\nHost: infrakit\r\nContent-Type: application/json\r\n"
            + "Content-Length: " + BODY.length() + "\r\n\r\n" + BODY).getBytes(StandardCharsets.US_ASCII);
    private static final long ANSWER_WAIT_MILLIS = 2_000;
    private static final long PAUSE_NANOS = 100_000;
    private static final int SCAN_DEPTH = 4;
    private static final long MAX_RUN_NANOS = 30L * 60 * 1_000_000_000;

    private ConnectLoopMain() {
    }

    public static void main(String[] args) throws IOException {
        Path answers = Path.of(args[0]);
        Path stop = Path.of(args[1]);
        Files.writeString(stop.resolveSibling(stop.getFileName() + ".started"), "");
        long attempts = 0;
        long connected = 0;
        long deadline = System.nanoTime() + MAX_RUN_NANOS;
        // Its directory gone, or a test JVM that died without stopping it: it must not knock forever.
        while (!Files.exists(stop) && Files.isDirectory(stop.getParent()) && System.nanoTime() < deadline) {
            List<Path> targets = new ArrayList<>();
            for (int i = 2; i < args.length; i++) {
                if (args[i].endsWith("/")) {
                    socketsUnder(Path.of(args[i]), SCAN_DEPTH, targets);
                } else {
                    targets.add(Path.of(args[i]));
                }
            }
            for (Path target : targets) {
                attempts++;
                String answer = knock(target);
                if (answer != null) {
                    connected++;
                }
                if (answer != null && !answer.isEmpty()) {
                    Files.writeString(answers, target + ": " + answer + "\n", StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
            }
            // A round takes well under a millisecond; a short pause leaves the processes under test some CPU.
            LockSupport.parkNanos(PAUSE_NANOS);
        }
        Files.writeString(stop.resolveSibling(stop.getFileName() + ".attempts"), attempts + " " + connected);
    }

    /** Every socket this user can see under the directory; what it may not list is skipped. */
    private static void socketsUnder(Path directory, int depth, List<Path> found) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (attributes.isOther()) {
                    found.add(entry);
                } else if (attributes.isDirectory() && depth > 1) {
                    socketsUnder(entry, depth - 1, found);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not there (yet, or any more), or not ours to list
        }
    }

    /**
     * The first line the socket sent back; empty when it was reached but sent nothing back; null when it could
     * not be reached. (No nested types here: this one class file is all the other user's JVM gets.)
     */
    private static String knock(Path socket) {
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (IOException e) {
            return null;
        }
        try (channel) {
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                return null;
            }
            ByteBuffer request = ByteBuffer.wrap(REQUEST);
            while (request.hasRemaining()) {
                channel.write(request);
            }
            channel.configureBlocking(false);
            try (Selector selector = Selector.open()) {
                channel.register(selector, SelectionKey.OP_READ);
                if (selector.select(ANSWER_WAIT_MILLIS) == 0) {
                    return "";
                }
                ByteBuffer received = ByteBuffer.allocate(256);
                if (channel.read(received) <= 0) {
                    return "";
                }
                String text = new String(received.array(), 0, received.position(), StandardCharsets.ISO_8859_1);
                return text.lines().findFirst().orElse(text);
            }
        } catch (IOException e) {
            return "";
        }
    }
}
