package io.infrakit.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrakit.rpc.HandshakeMessages.ExposedObject;
import io.infrakit.rpc.HandshakeMessages.HelloResponse;
import io.infrakit.common.Durations;
import io.infrakit.spi.InterfaceSpec;
import io.infrakit.spi.Json;
import io.infrakit.spi.PluginException;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Calls one plugin over its unix socket with InfraKit's JSON-RPC. Remote errors come back as the SPI exception
 * the plugin threw; a socket nobody serves as {@link PluginUnavailableException}; anything else that goes wrong
 * as a {@link PluginException} naming the plugin and the method.
 */
public final class PluginClient {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);
    /** InfraKit's setting for the client timeout, a Go duration such as {@code 15s}. */
    public static final String TIMEOUT_VARIABLE = "INFRAKIT_CLIENT_TIMEOUT";

    private static final int MAX_ANSWER_BYTES = 64 * 1024 * 1024;
    private static final int SNIPPET_LENGTH = 200;

    private final String plugin;
    private final Path socket;
    private final Duration timeout;
    private final AtomicLong ids = new AtomicLong();

    public PluginClient(String plugin, Path socket, Duration timeout) {
        this.plugin = Objects.requireNonNull(plugin, "plugin");
        this.socket = socket.toAbsolutePath();
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the client timeout must be positive: " + timeout);
        }
    }

    public PluginClient(String plugin, Path socket) {
        this(plugin, socket, DEFAULT_TIMEOUT);
    }

    public static PluginClient of(PluginEndpoint endpoint) {
        return new PluginClient(endpoint.name(), endpoint.socket());
    }

    public static PluginClient of(PluginEndpoint endpoint, Duration timeout) {
        return new PluginClient(endpoint.name(), endpoint.socket(), timeout);
    }

    /** {@value #TIMEOUT_VARIABLE} from the given environment, else {@link #DEFAULT_TIMEOUT}. */
    public static Duration timeoutFrom(Map<String, String> environment) {
        String value = environment.get(TIMEOUT_VARIABLE);
        if (value == null || value.isBlank()) {
            return DEFAULT_TIMEOUT;
        }
        try {
            Duration timeout = Durations.parse(value);
            if (timeout.isZero()) {
                throw new IllegalArgumentException("must be positive");
            }
            return timeout;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(TIMEOUT_VARIABLE + "=" + value + ": " + e.getMessage(), e);
        }
    }

    /** Releases the connections and threads every client of this JVM shares; call it before a short process exits. */
    public static void releaseShared() {
        SharedHttpClient.stop();
    }

    public String plugin() {
        return plugin;
    }

    public Path socket() {
        return socket;
    }

    public Duration timeout() {
        return timeout;
    }

    /** Calls {@code method} (such as {@code Instance.Provision}) with one params object; returns the result. */
    public JsonNode call(String method, Object params) {
        return call(method, params, JsonNode.class);
    }

    /**
     * Like {@link #call(String, Object)}, decoding the result straight from the answer's bytes into the type; a
     * result that does not decode is the plugin's fault.
     */
    <T> T call(String method, Object params, Class<T> resultType) {
        ObjectNode request = Json.mapper().createObjectNode();
        request.put("jsonrpc", "2.0");
        request.put("method", method);
        request.set("params", Json.mapper().valueToTree(params));
        request.put("id", ids.incrementAndGet());
        long start = System.nanoTime();
        ContentResponse response = exchange(method, request.toString());
        // What a call's arguments and answer hold may be secret: their sizes only.
        CallLog.LOG.debug("{} {}: HTTP {}, {} bytes in {} ms", plugin, method, response.getStatus(),
                response.getContent().length, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        if (response.getStatus() != HttpStatus.OK_200) {
            throw new PluginException(plugin, method,
                    "unexpected answer: HTTP " + response.getStatus() + " " + snippet(response.getContentAsString()));
        }
        return new AnswerDecoder<>(plugin, method, response.getContent(), resultType).result();
    }

    /** The plugin's handshake: for each interface it implements, the names of its objects ({@code .} = default). */
    public Map<InterfaceSpec, List<String>> hello() {
        HelloResponse hello = call(HandshakeMessages.HELLO, Map.of(), HelloResponse.class);
        Map<InterfaceSpec, List<String>> objects = new LinkedHashMap<>();
        for (Map.Entry<String, List<ExposedObject>> entry : hello.objects().entrySet()) {
            InterfaceSpec implemented;
            try {
                implemented = InterfaceSpec.parse(entry.getKey());
            } catch (IllegalArgumentException e) {
                throw new PluginException(plugin, HandshakeMessages.HELLO, "malformed handshake: " + e.getMessage(), e);
            }
            List<ExposedObject> exposed = entry.getValue() == null ? List.of() : entry.getValue();
            objects.put(implemented, exposed.stream().map(ExposedObject::name).filter(Objects::nonNull).toList());
        }
        return objects;
    }

    private ContentResponse exchange(String method, String json) {
        if (!SocketFiles.fitsUnixSocket(socket)) {
            throw new PluginUnavailableException(plugin, socket, SocketFiles.tooLongMessage(socket));
        }
        if (!Files.exists(socket)) {
            throw missingSocket();
        }
        Request request = SharedHttpClient.get().newRequest("http://localhost/")
                .method(HttpMethod.POST)
                .transport(new Transport.TCPUnix(socket))
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .headers(headers -> headers.put(HttpHeader.ACCEPT, "application/json"))
                .body(new StringRequestContent("application/json", json, StandardCharsets.UTF_8));
        try {
            // The extra second lets Jetty's own timeout fire first, with its clearer cause.
            return new CompletableResponseListener(request, MAX_ANSWER_BYTES).send()
                    .get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            request.abort(e);
            throw new PluginException(plugin, method, "interrupted while waiting for an answer", e);
        } catch (TimeoutException e) {
            request.abort(e);
            throw noAnswer(method, e);
        } catch (ExecutionException e) {
            throw failed(method, e.getCause() == null ? e : e.getCause());
        }
    }

    private RuntimeException failed(String method, Throwable failure) {
        if (failure instanceof TimeoutException) {
            return noAnswer(method, failure);
        }
        if (!Files.exists(socket)) {
            return missingSocket();
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return new PluginUnavailableException(plugin, socket,
                        "nothing listens on socket " + socket + " (connection refused)", failure);
            }
        }
        return new PluginException(plugin, method, "request failed: " + failure, failure);
    }

    private PluginUnavailableException missingSocket() {
        return new PluginUnavailableException(plugin, socket, "socket " + socket + " does not exist");
    }

    private PluginException noAnswer(String method, Throwable cause) {
        return new PluginException(plugin, method, "no answer within " + readable(timeout), cause);
    }

    static String snippet(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= SNIPPET_LENGTH ? oneLine : oneLine.substring(0, SNIPPET_LENGTH) + "...";
    }

    private static String readable(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    @Override
    public String toString() {
        return "PluginClient[" + plugin + " at " + socket + "]";
    }

    /** Set up at the first call: a command that calls no plugin (version) never starts the logging. */
    private static final class CallLog {
        static final Logger LOG = LoggerFactory.getLogger(PluginClient.class);
    }
}
