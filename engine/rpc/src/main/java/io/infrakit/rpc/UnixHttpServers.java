package io.infrakit.rpc;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.nio.file.Path;

/** A Jetty server, not yet started, for HTTP/1.1 on one unix socket: no server version or date headers. */
public final class UnixHttpServers {

    private UnixHttpServers() {
    }

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
}
