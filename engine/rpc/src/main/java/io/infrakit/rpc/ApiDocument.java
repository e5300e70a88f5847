package io.infrakit.rpc;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrakit.spi.InterfaceSpec;
import io.infrakit.spi.VendorInfo;

import java.util.List;

/** The body of {@code GET /info/api.json}: who made the plugin, what it implements, and an example of each call. */
record ApiDocument(@JsonProperty("Vendor") VendorInfo vendor,
                   @JsonProperty("Implements") List<InterfaceSpec> implemented,
                   @JsonProperty("Interfaces") List<InterfaceDoc> interfaces) {

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
                          @JsonProperty("id") int id) {
    }

    record ExampleResponse(@JsonProperty("result") Object result, @JsonProperty("id") int id) {
    }

    static ApiDocument describe(VendorInfo vendor, List<RpcService> services) {
        List<InterfaceDoc> interfaces = services.stream()
                .map(service -> new InterfaceDoc(service.implemented().name(), service.implemented().version(),
                        service.operations().stream()
                                .map(operation -> new MethodDoc(
                                        new ExampleRequest("2.0", operation.method(), operation.exampleParams(), 1),
                                        new ExampleResponse(operation.exampleResult(), 1)))
                                .toList()))
                .toList();
        List<InterfaceSpec> implemented = services.stream().map(RpcService::implemented).toList();
        return new ApiDocument(vendor, implemented, interfaces);
    }
}
