package io.infrakit.rpc;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/** The one Jetty client every {@link PluginClient} of this JVM shares; its threads do not keep the JVM alive. */
final class SharedHttpClient {

    private static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    private static HttpClient client;

    private SharedHttpClient() {
    }

    static synchronized HttpClient get() {
        if (client == null) {
            client = start();
        }
        return client;
    }

    /**
     * Stops the client, if one was started. A JVM that exits while the selector thread waits in epoll spends
     * 300 ms waiting for that native thread, so short-lived processes stop the client first.
     */
    static synchronized void stop() {
        if (client != null) {
            try {
                client.stop();
            } catch (Exception e) {
                // exiting anyway; nothing to report to anyone
            }
            client = null;
        }
    }

    private static HttpClient start() {
        // Without it, Jetty asks the platform MBean server whether oops are compressed: ~50 ms of every CLI call.
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(REFERENCES_PER_CACHE_LINE, "16");
        }
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("infrakit-rpc-client");
        threads.setDaemon(true);
        ClientConnector connector = new PlainClientConnector();
        connector.setExecutor(threads);
        HttpClient http = new HttpClient(new HttpClientTransportOverHTTP(connector));
        http.setExecutor(threads);
        http.setScheduler(new ScheduledExecutorScheduler("infrakit-rpc-client-scheduler", true));
        http.setFollowRedirects(false);
        http.setUserAgentField(null);
        // Below Jetty's default server idle timeout (30 s), so we close pooled connections before a server does.
        http.setIdleTimeout(20_000);
        try {
            http.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the plugin RPC client: " + e.getMessage(), e);
        }
        return http;
    }

    /** Plugins speak plain HTTP over unix sockets; not setting up TLS saves every CLI call ~180 classes. */
    private static final class PlainClientConnector extends ClientConnector {

        @Override
        protected SslContextFactory.Client newSslContextFactory() {
            return null;
        }
    }
}
