package io.infrakit.rpc;

import io.infrakit.rpc.InstanceMessages.DescribeRequest;
import io.infrakit.rpc.InstanceMessages.DescribeResponse;
import io.infrakit.rpc.InstanceMessages.DestroyContext;
import io.infrakit.rpc.InstanceMessages.DestroyRequest;
import io.infrakit.rpc.InstanceMessages.LabelRequest;
import io.infrakit.rpc.InstanceMessages.OkResponse;
import io.infrakit.rpc.InstanceMessages.ProvisionRequest;
import io.infrakit.rpc.InstanceMessages.ProvisionResponse;
import io.infrakit.rpc.InstanceMessages.ValidateRequest;
import io.infrakit.spi.Any;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.instance.InstanceSpec;

import java.util.List;
import java.util.Map;

import static io.infrakit.rpc.InvalidParamsException.decode;

/** Serves {@code Instance/0.6.1}: each request's {@code Type} picks the instance plugin object. */
final class InstanceService {

    private InstanceService() {
    }

    static RpcService of(TypedObjects<InstancePlugin> plugins, Any example) {
        InstanceId exampleId = InstanceId.of("instance-1");
        Map<String, String> exampleTags = Map.of("infrakit.group", "workers");
        return new RpcService(InstancePlugin.INTERFACE, List.of(
                new RpcOperation("Instance.Validate", params -> {
                    ValidateRequest request = decode(params, ValidateRequest.class);
                    plugins.resolve(request.type()).validate(request.properties());
                    return new OkResponse(request.type(), true);
                }, new ValidateRequest("", example), new OkResponse("", true)),
                new RpcOperation("Instance.Provision", params -> {
                    ProvisionRequest request = decode(params, ProvisionRequest.class);
                    InstanceId id = plugins.resolve(request.type()).provision(request.spec());
                    return new ProvisionResponse(request.type(), id);
                }, new ProvisionRequest("", InstanceSpec.of(example, exampleTags)),
                        new ProvisionResponse("", exampleId)),
                new RpcOperation("Instance.Label", params -> {
                    LabelRequest request = decode(params, LabelRequest.class);
                    plugins.resolve(request.type()).label(request.instance(), request.labels());
                    return new OkResponse(request.type(), true);
                }, new LabelRequest("", exampleId, exampleTags), new OkResponse("", true)),
                new RpcOperation("Instance.Destroy", params -> {
                    DestroyRequest request = decode(params, DestroyRequest.class);
                    plugins.resolve(request.type()).destroy(request.instance(), request.context().reason());
                    return new OkResponse(request.type(), true);
                }, new DestroyRequest("", exampleId, new DestroyContext(DestroyReason.TERMINATE)),
                        new OkResponse("", true)),
                new RpcOperation("Instance.DescribeInstances", params -> {
                    DescribeRequest request = decode(params, DescribeRequest.class);
                    List<InstanceDescription> found =
                            plugins.resolve(request.type()).describeInstances(request.tags(), request.properties());
                    return new DescribeResponse(request.type(), found);
                }, new DescribeRequest("", exampleTags, false), new DescribeResponse("", List.of(
                        new InstanceDescription(exampleId, null, exampleTags, Any.empty()))))));
    }
}
