package io.infrakit.rpc;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The one Jetty client every {@link PluginClient} of this JVM shares; its threads do not keep the JVM alive. */
final class SharedHttpClient {

    private static HttpClient client;

    private SharedHttpClient() {
    }

    static synchronized HttpClient get() {
        if (client == null) {
            client = start();
        }
        return client;
    }

    private static HttpClient start() {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("infrakit-rpc-client");
        threads.setDaemon(true);
        HttpClient http = new HttpClient();
        http.setExecutor(threads);
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
}
