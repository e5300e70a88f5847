package io.infrakit.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/** One JSON-RPC method on the server: decodes its params, calls the plugin, returns the result record. */
@FunctionalInterface
interface RpcMethod {

    Object invoke(JsonNode params);
}
