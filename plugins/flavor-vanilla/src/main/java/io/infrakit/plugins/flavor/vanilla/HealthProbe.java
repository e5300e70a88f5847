package io.infrakit.plugins.flavor.vanilla;

import io.infrakit.spi.flavor.Health;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.PublishedPorts;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Performs {@link HttpHealthCheck}s against the address an instance's plugin published for the checked port
 * ({@link PublishedPorts}). One HTTP/1.1 client, built on the first check, serves every check; it follows no
 * redirects and uses no proxy, since the published address is where the port answers from this host.
 */
final class HealthProbe {

    static final int BODY_LIMIT = 64 * 1024;

    private HttpClient client;

    /**
     * Unknown when the instance has no published address for the port; healthy on a 2xx answer whose first
     * {@value #BODY_LIMIT} bytes contain the expected text; unhealthy otherwise, including when the connection
     * fails or the answer does not arrive within the check's timeout. Never throws for network errors.
     */
    Health check(HttpHealthCheck check, InstanceDescription instance) {
        Optional<URI> uri = PublishedPorts.address(instance, check.port()).flatMap(address -> uri(check, address));
        if (uri.isEmpty()) {
            return Health.UNKNOWN;
        }
        HttpRequest request = HttpRequest.newBuilder(uri.get()).timeout(check.timeout()).GET().build();
        CompletableFuture<HttpResponse<String>> answer = client().sendAsync(request, CappedBody.handler(BODY_LIMIT));
        try {
            // The request timeout stops waiting once the headers arrive; this bounds the body too.
            return verdict(check, answer.get(check.timeout().toNanos(), TimeUnit.NANOSECONDS));
        } catch (ExecutionException | TimeoutException e) {
            return Health.UNHEALTHY;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.UNKNOWN;
        } finally {
            answer.cancel(true);
        }
    }

    private static Health verdict(HttpHealthCheck check, HttpResponse<String> response) {
        boolean success = response.statusCode() >= 200 && response.statusCode() < 300;
        return success && response.body().contains(check.contains()) ? Health.HEALTHY : Health.UNHEALTHY;
    }

    private static Optional<URI> uri(HttpHealthCheck check, InetSocketAddress address) {
        try {
            return Optional.of(check.uriAt(address));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .proxy(HttpClient.Builder.NO_PROXY)
                    // A client has one connect timeout; each check's own, shorter deadline is applied in check().
                    .connectTimeout(HttpHealthCheck.MAX_TIMEOUT)
                    .build();
        }
        return client;
    }
}
