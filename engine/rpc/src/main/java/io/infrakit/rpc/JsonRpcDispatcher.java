package io.infrakit.rpc;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON-RPC 2.0 as gorilla's {@code json2} codec speaks it for InfraKit: one request per POST, params a single
 * object (or a one-element array holding it), every answer HTTP 200 with either {@code result} or {@code error}.
 */
final class JsonRpcDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(JsonRpcDispatcher.class);
    private static final ObjectReader STRICT_READER =
            Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String pluginName;
    private final Map<String, RpcOperation> operations = new LinkedHashMap<>();

    JsonRpcDispatcher(String pluginName, Collection<RpcOperation> operations) {
        this.pluginName = pluginName;
        operations.forEach(operation -> this.operations.put(operation.method(), operation));
    }

    byte[] dispatch(byte[] body) {
        JsonNode request;
        try {
            request = STRICT_READER.readTree(body);
        } catch (IOException e) {
            return error(NullNode.getInstance(), RpcError.of(RpcError.PARSE_ERROR, "parse error: " + reason(e)));
        }
        if (request == null || request.isMissingNode()) {
            return error(NullNode.getInstance(), RpcError.of(RpcError.PARSE_ERROR, "parse error: empty request"));
        }
        if (!request.isObject()) {
            return error(NullNode.getInstance(),
                    RpcError.of(RpcError.INVALID_REQUEST, "invalid request: expected one JSON object"));
        }
        JsonNode id = request.has("id") ? request.get("id") : NullNode.getInstance();
        if (!"2.0".equals(request.path("jsonrpc").asText(null))) {
            return error(id, RpcError.of(RpcError.INVALID_REQUEST, "invalid request: jsonrpc must be \"2.0\""));
        }
        JsonNode method = request.get("method");
        if (method == null || !method.isTextual()) {
            return error(id, RpcError.of(RpcError.INVALID_REQUEST, "invalid request: method must be a string"));
        }
        RpcOperation operation = operations.get(method.asText());
        if (operation == null) {
            // -32000 and null data, as InfraKit's servers answer; Go clients read no other code.
            return error(id, RpcError.of(RpcError.SERVER_ERROR,
                    "rpc: can't find method \"" + method.asText() + "\""));
        }
        JsonNode params = singleParamsObject(request.get("params"));
        if (params == null) {
            return error(id, RpcError.of(RpcError.INVALID_PARAMS, "invalid params: expected one JSON object"));
        }
        return invoke(id, operation, params);
    }

    /** A successful answer, written straight from the result's objects (no tree in between). */
    @JsonPropertyOrder({"jsonrpc", "result", "id"})
    private record Answer(@JsonProperty("jsonrpc") String jsonrpc, @JsonProperty("result") Object result,
                          @JsonProperty("id") JsonNode id) {
    }

    private byte[] invoke(JsonNode id, RpcOperation operation, JsonNode params) {
        try {
            Object result = operation.handler().invoke(params);
            return Json.mapper().writeValueAsBytes(new Answer("2.0", result, id));
        } catch (JsonProcessingException e) {
            LOG.warn("plugin '{}' answered {} with a result that cannot be encoded", pluginName, operation.method(), e);
            return error(id, RpcError.fromFailure(new IllegalStateException(
                    "cannot encode the result: " + e.getOriginalMessage(), e)));
        } catch (InvalidParamsException e) {
            return error(id, RpcError.of(RpcError.INVALID_PARAMS, e.getMessage()));
        } catch (RuntimeException e) {
            if (!(e instanceof InfrakitException)) {
                LOG.warn("plugin '{}' failed {} with an unexpected exception", pluginName, operation.method(), e);
            }
            return error(id, RpcError.fromFailure(e));
        }
    }

    /** Null when the params are neither absent, an object, nor a one-element array holding an object. */
    private static JsonNode singleParamsObject(JsonNode params) {
        if (params == null || params.isNull()) {
            return Json.mapper().createObjectNode();
        }
        if (params.isObject()) {
            return params;
        }
        if (params.isArray() && params.size() == 1 && params.get(0).isObject()) {
            return params.get(0);
        }
        return null;
    }

    private static byte[] error(JsonNode id, RpcError error) {
        ObjectNode response = Json.mapper().createObjectNode();
        response.put("jsonrpc", "2.0");
        response.set("error", error.toJson());
        response.set("id", id);
        return write(response);
    }

    private static byte[] write(ObjectNode response) {
        try {
            return Json.mapper().writeValueAsBytes(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a JSON tree", e);
        }
    }

    private static String reason(IOException e) {
        return e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    }
}
