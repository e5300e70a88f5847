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

/**
 * HTTP in front of the protocol: POST (any path) with {@code Content-Type: application/json} is JSON-RPC (any other
 * content type is HTTP 415, as in InfraKit), {@code GET /info/api.json} describes the plugin and
 * {@code GET /info/functions.json} lists the template functions it exports (none: templates render in the CLI).
 */
final class RpcHttpHandler extends Handler.Abstract {

    static final String API_PATH = "/info/api.json";
    static final String FUNCTIONS_PATH = "/info/functions.json";
    private static final byte[] NO_FUNCTIONS = "{}".getBytes(StandardCharsets.UTF_8);
    private static final String JSON = "application/json; charset=utf-8";

    private final PluginProtocol protocol;

    RpcHttpHandler(PluginProtocol protocol) {
        this.protocol = protocol;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        String path = Request.getPathInContext(request);
        if (HttpMethod.POST.is(method) && !isJson(request.getHeaders().get(HttpHeader.CONTENT_TYPE))) {
            answer(response, callback, HttpStatus.UNSUPPORTED_MEDIA_TYPE_415, "text/plain; charset=utf-8",
                    ("rpc: unrecognized Content-Type: " + request.getHeaders().get(HttpHeader.CONTENT_TYPE)
                            + " (send application/json)\n").getBytes(StandardCharsets.UTF_8));
        } else if (HttpMethod.POST.is(method)) {
            ByteBuffer body = Content.Source.asByteBuffer(request);
            answer(response, callback, HttpStatus.OK_200, JSON, protocol.dispatch(BufferUtil.toArray(body)));
        } else if (HttpMethod.GET.is(method) && API_PATH.equals(path)) {
            answer(response, callback, HttpStatus.OK_200, JSON,
                    Json.mapper().writeValueAsBytes(protocol.apiDocument()));
        } else if (HttpMethod.GET.is(method) && FUNCTIONS_PATH.equals(path)) {
            answer(response, callback, HttpStatus.OK_200, JSON, NO_FUNCTIONS);
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

    /** The media type alone decides, as in gorilla's codec lookup: parameters such as the charset are ignored. */
    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String mediaType = parameters < 0 ? contentType : contentType.substring(0, parameters);
        return mediaType.trim().equalsIgnoreCase("application/json");
    }

    private static void answer(Response response, Callback callback, int status, String contentType, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
