package io.infrakit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.rpc.UnixHttpServers;
import io.infrakit.spi.Json;
import io.infrakit.testkit.wire.GoExchange;
import io.infrakit.testkit.wire.GoReplay;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * A group plugin that speaks only InfraKit's methods: it serves a unix socket and answers with what InfraKit's (Go)
 * plugins answered, as recorded (engine/testkit's wire captures, replayed by {@link GoReplay}).
 */
final class InfrakitReplayPlugin implements AutoCloseable {

    private final Path socket;
    private final Server server;
    private final GoReplay replay;

    private InfrakitReplayPlugin(Path socket, Server server, GoReplay replay) {
        this.socket = socket;
        this.server = server;
        this.replay = replay;
    }

    static InfrakitReplayPlugin serve(Path socket, List<GoExchange> recorded) throws Exception {
        GoReplay replay = new GoReplay(recorded);
        Server server = UnixHttpServers.create("replay-" + socket.getFileName(), new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                JsonNode call = Json.mapper().readTree(Content.Source.asInputStream(request));
                byte[] answer = Json.mapper().writeValueAsBytes(replay.answer(call));
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
                response.write(true, ByteBuffer.wrap(answer), callback);
                return true;
            }
        });
        UnixHttpServers.start(server, socket);
        return new InfrakitReplayPlugin(socket, server, replay);
    }

    /** The requests answered, but the handshakes: each as {@code method params}. */
    List<String> calls() {
        return replay.requests().stream()
                .filter(request -> !request.path("method").asText().equals("Handshake.Hello"))
                .map(request -> request.path("method").asText() + " " + request.path("params"))
                .toList();
    }

    @Override
    public void close() {
        UnixHttpServers.stop(server, socket);
    }
}
