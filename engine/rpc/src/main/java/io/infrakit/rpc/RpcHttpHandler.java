package io.infrakit.rpc;

import io.infrakit.spi.Json;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** HTTP in front of the protocol: POST (any path) is JSON-RPC, {@code GET /info/api.json} describes the plugin. */
final class RpcHttpHandler extends Handler.Abstract {

    static final String API_PATH = "/info/api.json";
    private static final String JSON = "application/json; charset=utf-8";

    private final PluginProtocol protocol;

    RpcHttpHandler(PluginProtocol protocol) {
        this.protocol = protocol;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        if (HttpMethod.POST.is(method)) {
            ByteBuffer body = Content.Source.asByteBuffer(request);
            answer(response, callback, HttpStatus.OK_200, JSON, protocol.dispatch(BufferUtil.toArray(body)));
        } else if (HttpMethod.GET.is(method) && API_PATH.equals(Request.getPathInContext(request))) {
            answer(response, callback, HttpStatus.OK_200, JSON,
                    Json.mapper().writeValueAsBytes(protocol.apiDocument()));
        } else if (HttpMethod.GET.is(method)) {
            answer(response, callback, HttpStatus.NOT_FOUND_404, "text/plain; charset=utf-8",
                    "not found\n".getBytes(StandardCharsets.UTF_8));
        } else {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, POST");
            answer(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "text/plain; charset=utf-8",
                    "rpc: POST method required\n".getBytes(StandardCharsets.UTF_8));
        }
        return true;
    }

    private static void answer(Response response, Callback callback, int status, String contentType, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
