package io.infrakit.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.Json;
import io.infrakit.spi.PluginNotFoundException;
import io.infrakit.spi.instance.InstanceNotFoundException;

/** A JSON-RPC error object: {@code {"code":..,"message":..,"data":..}}. */
record RpcError(int code, String message, JsonNode data) {

    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int INVALID_PARAMS = -32602;
    /** What InfraKit's servers answer for every error a plugin returns. */
    static final int SERVER_ERROR = -32000;

    RpcError {
        data = data == null ? NullNode.getInstance() : data;
    }

    static RpcError of(int code, String message) {
        return new RpcError(code, message, NullNode.getInstance());
    }

    /** A plugin's failure: the plain message, and the exception's kind (with what is needed to rebuild it). */
    static RpcError fromFailure(RuntimeException failure) {
        ErrorKind kind = ErrorKind.of(failure);
        ObjectNode data = Json.mapper().createObjectNode().put("Kind", kind.wire());
        if (failure instanceof InstanceNotFoundException notFound) {
            data.put("ID", notFound.id().value());
        }
        if (failure instanceof PluginNotFoundException notFound) {
            data.put("Name", notFound.name());
            notFound.known().forEach(data.putArray("Known")::add);
        }
        return new RpcError(SERVER_ERROR, plainMessage(failure), data);
    }

    private static String plainMessage(RuntimeException failure) {
        if (failure.getMessage() != null) {
            return failure.getMessage();
        }
        return failure instanceof InfrakitException ? failure.getClass().getSimpleName() : failure.toString();
    }

    ObjectNode toJson() {
        ObjectNode error = Json.mapper().createObjectNode();
        error.put("code", code);
        error.put("message", message);
        error.set("data", data);
        return error;
    }
}
