package io.infrakit.rpc;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Jetty servers for HTTP/1.1 on one unix socket each (no server version or date headers): made, started with the
 * socket its owner's alone (0600), and stopped with the socket removed.
 */
public final class UnixHttpServers {

    private static final Logger LOG = LoggerFactory.getLogger(UnixHttpServers.class);

    private UnixHttpServers() {
    }

    /** A server, not yet started. */
    public static Server create(String threadName, Path socket, Handler handler) {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName(threadName);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        UnixDomainServerConnector connector = new UnixDomainServerConnector(server, new HttpConnectionFactory(http));
        connector.setUnixDomainPath(socket);
        server.addConnector(connector);
        server.setHandler(handler);
        return server;
    }

    /** Starts serving and makes the socket readable and writable by its owner alone. */
    public static void start(Server server, Path socket) throws Exception {
        server.start();
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
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
}
