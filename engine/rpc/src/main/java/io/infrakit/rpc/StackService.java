package io.infrakit.rpc;

import io.infrakit.rpc.ManagerMessages.GoUrl;
import io.infrakit.rpc.ManagerMessages.InspectResponse;
import io.infrakit.rpc.ManagerMessages.IsLeaderResponse;
import io.infrakit.rpc.ManagerMessages.LeaderLocationResponse;
import io.infrakit.rpc.ManagerMessages.SpecsRequest;
import io.infrakit.rpc.ManagerMessages.SpecsResponse;
import io.infrakit.spi.Any;
import io.infrakit.spi.controller.ManagedObject;
import io.infrakit.spi.controller.Metadata;
import io.infrakit.spi.controller.ObjectSpec;
import io.infrakit.spi.stack.StackPlugin;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static io.infrakit.rpc.InvalidParamsException.decode;

/**
 * Serves {@code Stack/0.1.1}, whose methods InfraKit names {@code Manager.*}: one object ({@code .}) per socket, no
 * routing field in the messages; the methods without params take {@code {}} and those without results answer
 * {@code {}}. Empty lists travel as {@code null}, as Go's nil slices do.
 */
final class StackService {

    private StackService() {
    }

    static RpcService of(StackPlugin stack, Any example) {
        ObjectSpec spec = ObjectSpec.of("group", "Group/0.1.1", Metadata.named("workers"), example);
        SpecsRequest specs = new SpecsRequest(List.of(spec));
        return new RpcService(StackPlugin.INTERFACE, List.of(
                new RpcOperation("Manager.IsLeader", params -> new IsLeaderResponse(stack.isLeader()),
                        Map.of(), new IsLeaderResponse(true)),
                new RpcOperation("Manager.LeaderLocation",
                        params -> new LeaderLocationResponse(GoUrl.of(stack.leaderLocation())),
                        Map.of(), new LeaderLocationResponse(GoUrl.of(URI.create("unix:///plugins/group")))),
                new RpcOperation("Manager.Enforce", params -> {
                    stack.enforce(decode(params, SpecsRequest.class).specs());
                    return Map.of();
                }, specs, Map.of()),
                new RpcOperation("Manager.Specs", params -> new SpecsResponse(nullIfEmpty(stack.specs())),
                        Map.of(), new SpecsResponse(List.of(spec))),
                new RpcOperation("Manager.Inspect", params -> new InspectResponse(nullIfEmpty(stack.inspect())),
                        Map.of(), new InspectResponse(List.of(new ManagedObject(spec, Any.empty())))),
                new RpcOperation("Manager.Terminate", params -> {
                    stack.terminate(decode(params, SpecsRequest.class).specs());
                    return Map.of();
                }, specs, Map.of())));
    }

    private static <T> List<T> nullIfEmpty(List<T> list) {
        return list.isEmpty() ? null : list;
    }
}
