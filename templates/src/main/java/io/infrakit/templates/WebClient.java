package io.infrakit.templates;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** GETs the text at an http(s) URL, when the policy allows the network. */
final class WebClient {

    private static final int OK = 200;

    private final HttpClient client;

    /** {@code networkAllowed} false makes every request fail without touching the network. */
    WebClient(boolean networkAllowed) {
        this.client = networkAllowed
                ? HttpClient.newBuilder()
                        .connectTimeout(Limits.HTTP_TIMEOUT)
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build()
                : null;
    }

    String get(URI uri) {
        if (client == null) {
            throw new RenderProblem("network access is not allowed: " + uri);
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Limits.HTTP_TIMEOUT).GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != OK) {
                    throw new RenderProblem("GET " + uri + ": HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(Limits.MAX_OUTPUT + 1);
                if (bytes.length > Limits.MAX_OUTPUT) {
                    throw new RenderProblem("GET " + uri + ": larger than " + Limits.describe(Limits.MAX_OUTPUT));
                }
                return Limits.decodeUtf8(bytes, uri.toString());
            }
        } catch (IOException e) {
            throw new RenderProblem("GET " + uri + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderProblem("GET " + uri + ": interrupted", e);
        }
    }
}
