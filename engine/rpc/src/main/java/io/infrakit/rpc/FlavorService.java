package io.infrakit.rpc;

import io.infrakit.rpc.FlavorMessages.HealthResponse;
import io.infrakit.rpc.FlavorMessages.InstanceRequest;
import io.infrakit.rpc.FlavorMessages.OkResponse;
import io.infrakit.rpc.FlavorMessages.PrepareRequest;
import io.infrakit.rpc.FlavorMessages.PrepareResponse;
import io.infrakit.rpc.FlavorMessages.ValidateRequest;
import io.infrakit.spi.Any;
import io.infrakit.spi.flavor.FlavorPlugin;
import io.infrakit.spi.flavor.Health;
import io.infrakit.spi.group.Allocation;
import io.infrakit.spi.group.Index;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceSpec;

import java.util.List;
import java.util.Map;

import static io.infrakit.rpc.InvalidParamsException.decode;

/** Serves {@code Flavor/0.1.1}: each request's {@code Type} picks the flavor plugin object. */
final class FlavorService {

    private FlavorService() {
    }

    static RpcService of(TypedObjects<FlavorPlugin> plugins, Any example) {
        Allocation allocation = Allocation.ofSize(3);
        Index index = new Index("workers", 1);
        InstanceSpec spec = InstanceSpec.of(Any.empty(), Map.of("infrakit.group", "workers"));
        InstanceDescription instance =
                new InstanceDescription(InstanceId.of("instance-1"), null, spec.tags(), Any.empty());
        return new RpcService(FlavorPlugin.INTERFACE, List.of(
                new RpcOperation("Flavor.Validate", params -> {
                    ValidateRequest request = decode(params, ValidateRequest.class);
                    plugins.resolve(request.type()).validate(request.properties(), request.allocation());
                    return new OkResponse(request.type(), true);
                }, new ValidateRequest("", example, allocation), new OkResponse("", true)),
                new RpcOperation("Flavor.Prepare", params -> {
                    PrepareRequest request = decode(params, PrepareRequest.class);
                    InstanceSpec prepared = plugins.resolve(request.type()).prepare(
                            request.properties(), request.spec(), request.allocation(), request.index());
                    return new PrepareResponse(request.type(), prepared);
                }, new PrepareRequest("", example, spec, allocation, index), new PrepareResponse("", spec)),
                new RpcOperation("Flavor.Healthy", params -> {
                    InstanceRequest request = decode(params, InstanceRequest.class);
                    Health health = plugins.resolve(request.type()).healthy(request.properties(), request.instance());
                    return new HealthResponse(request.type(), health);
                }, new InstanceRequest("", example, instance), new HealthResponse("", Health.HEALTHY)),
                new RpcOperation("Flavor.Drain", params -> {
                    InstanceRequest request = decode(params, InstanceRequest.class);
                    plugins.resolve(request.type()).drain(request.properties(), request.instance());
                    return new OkResponse(request.type(), true);
                }, new InstanceRequest("", example, instance), new OkResponse("", true))));
    }
}
