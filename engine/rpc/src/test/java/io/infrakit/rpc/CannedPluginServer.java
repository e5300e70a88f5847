package io.infrakit.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.spi.Json;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A stand-in for a foreign plugin (a Go plugin of another version, a broken one): answers each JSON-RPC method
 * with whatever the test scripts, and records which methods were called.
 */
final class CannedPluginServer implements AutoCloseable {

    record Canned(int status, String contentType, String body) {

        static Canned json(String body) {
            return new Canned(200, "application/json", body);
        }
    }

    private final Path socket;
    private final Server server;
    private final List<String> calledMethods = new CopyOnWriteArrayList<>();

    private CannedPluginServer(Path socket, Function<String, Canned> answers) throws Exception {
        this.socket = socket;
        server = new Server();
        UnixDomainServerConnector connector = new UnixDomainServerConnector(server);
        connector.setUnixDomainPath(socket);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String body = Content.Source.asString(request, StandardCharsets.UTF_8);
                JsonNode call = Json.mapper().readTree(body);
                String method = call.path("method").asText();
                calledMethods.add(method);
                Canned canned = answers.apply(method);
                response.setStatus(canned.status());
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, canned.contentType());
                response.write(true, ByteBuffer.wrap(canned.body().getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        server.start();
    }

    static CannedPluginServer start(Path socket, Function<String, Canned> answers) throws Exception {
        return new CannedPluginServer(socket, answers);
    }

    Path socket() {
        return socket;
    }

    List<String> calledMethods() {
        return List.copyOf(calledMethods);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the canned server", e);
        }
    }
}
