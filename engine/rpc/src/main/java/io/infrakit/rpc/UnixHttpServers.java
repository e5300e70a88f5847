package io.infrakit.rpc;

import io.infrakit.common.OwnerOnly;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Jetty servers for HTTP/1.1 on one unix socket each (no server version or date headers), for the processes of the
 * user who runs them alone: made, started without another user ever able to connect, and stopped with the socket
 * removed.
 */
public final class UnixHttpServers {

    private static final Logger LOG = LoggerFactory.getLogger(UnixHttpServers.class);

    /** The private directory a socket is bound in: {@code .s} and six random characters, next to the socket. */
    private static final String BIND_DIRECTORY_PREFIX = ".s";
    private static final int BIND_DIRECTORY_RANDOM_CHARS = 6;
    private static final String BOUND_NAME = "s";

    private UnixHttpServers() {
    }

    /** A server, not yet started. */
    public static Server create(String threadName, Handler handler) {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName(threadName);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        server.addConnector(new OwnerOnlyConnector(server, new HttpConnectionFactory(http)));
        server.setHandler(handler);
        return server;
    }

    /**
     * Starts serving on {@code socket}, for this process's user alone. The socket is bound inside a new directory
     * made 0700 next to it, made 0600 there, and only then renamed into place; so no other user can connect at any
     * moment, whatever the umask and whoever else may use the socket's directory (say a shared
     * INFRAKIT_PLUGINS_DIR). Binding in place and then chmod-ing leaves a moment in which anyone can connect, and
     * a connection made then stays open. The connector also refuses any other user's connection (SO_PEERCRED).
     */
    public static void start(Server server, Path socket) throws Exception {
        Path target = socket.toAbsolutePath();
        Path directory = createBindDirectory(target.getParent());
        Path bound = directory.resolve(BOUND_NAME);
        try {
            OwnerOnlyConnector connector = (OwnerOnlyConnector) server.getConnectors()[0];
            connector.bind(bound, Files.getOwner(directory), target);
            server.start();
            Files.setPosixFilePermissions(bound, PosixFilePermissions.fromString("rw-------"));
            Files.move(bound, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(bound);
            Files.deleteIfExists(directory);
        }
    }

    /** How long the path a socket is first bound at is, in bytes; it too must fit a unix socket's address. */
    static int bindPathBytes(Path socket) {
        return socket.toAbsolutePath().getParent().toString().getBytes(StandardCharsets.UTF_8).length
                + ("/" + BIND_DIRECTORY_PREFIX + "/" + BOUND_NAME).length() + BIND_DIRECTORY_RANDOM_CHARS;
    }

    /** Stops the server and removes its socket; what goes wrong is logged, since the caller is closing anyway. */
    public static void stop(Server server, Path socket) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("stopping the server on {} failed", socket, e);
        }
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", socket, e.toString());
        }
    }

    /** A new directory, made 0700 by mkdir itself: it fails rather than reuse one that exists. */
    private static Path createBindDirectory(Path parent) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String random = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36);
            String name = BIND_DIRECTORY_PREFIX + "0".repeat(BIND_DIRECTORY_RANDOM_CHARS - random.length()) + random;
            try {
                return Files.createDirectory(parent.resolve(name), OwnerOnly.directory());
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }
}
