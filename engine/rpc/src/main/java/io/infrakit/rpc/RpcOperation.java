package io.infrakit.rpc;

import java.util.Objects;

/** A served method with the example call {@code /info/api.json} shows for it. */
record RpcOperation(String method, RpcMethod handler, Object exampleParams, Object exampleResult) {

    RpcOperation {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(handler, "handler");
    }
}
