package io.infrakit.rpc;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrakit.spi.InterfaceSpec;
import io.infrakit.spi.VendorInfo;

import java.util.List;

/** The body of {@code GET /info/api.json}: who made the plugin, what it implements, and an example of each call. */
record ApiDocument(@JsonProperty("Vendor") VendorInfo vendor,
                   @JsonProperty("Implements") List<InterfaceSpec> implemented,
                   @JsonProperty("Interfaces") List<InterfaceDoc> interfaces) {

    /** The examples' JSON-RPC id: a string, as InfraKit's documents carry one. */
    private static final String EXAMPLE_ID = "1";

    record InterfaceDoc(@JsonProperty("Name") String name,
                        @JsonProperty("Version") String version,
                        @JsonProperty("Methods") List<MethodDoc> methods) {
    }

    record MethodDoc(@JsonProperty("Request") ExampleRequest request,
                     @JsonProperty("Response") ExampleResponse response) {
    }

    record ExampleRequest(@JsonProperty("jsonrpc") String jsonrpc,
                          @JsonProperty("method") String method,
                          @JsonProperty("params") Object params,
                          @JsonProperty("id") String id) {
    }

    record ExampleResponse(@JsonProperty("result") Object result, @JsonProperty("id") String id) {
    }

    static ApiDocument describe(VendorInfo vendor, List<RpcService> services) {
        List<InterfaceDoc> interfaces = services.stream()
                .map(service -> new InterfaceDoc(service.implemented().name(), service.implemented().version(),
                        service.operations().stream()
                                .map(operation -> new MethodDoc(
                                        new ExampleRequest("2.0", operation.method(), operation.exampleParams(),
                                                EXAMPLE_ID),
                                        new ExampleResponse(operation.exampleResult(), EXAMPLE_ID)))
                                .toList()))
                .toList();
        List<InterfaceSpec> implemented = services.stream().map(RpcService::implemented).toList();
        return new ApiDocument(vendor, implemented, interfaces);
    }
}
