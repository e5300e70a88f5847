package io.infrakit.testkit.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** One HTTP exchange with an InfraKit (Go) plugin, as recorded: the socket's name, the request and the answer. */
public record GoExchange(String plugin, String httpMethod, String path, JsonNode request, int status,
                         JsonNode response) {

    /** The JSON-RPC method of the request, or "" for a request that is not JSON-RPC. */
    public String rpcMethod() {
        return request == null ? "" : request.path("method").asText("");
    }

    /** The JSON-RPC result, or a missing node when the answer is an error or not JSON-RPC. */
    public JsonNode result() {
        return response == null ? MissingNode.getInstance() : response.path("result");
    }
}
