package io.infrakit.rpc;

import io.infrakit.rpc.GroupMessages.CommitRequest;
import io.infrakit.rpc.GroupMessages.CommitResponse;
import io.infrakit.rpc.GroupMessages.DescribeResponse;
import io.infrakit.rpc.GroupMessages.DestroyInstancesRequest;
import io.infrakit.rpc.GroupMessages.IdRequest;
import io.infrakit.rpc.GroupMessages.IdResponse;
import io.infrakit.rpc.GroupMessages.InspectRequest;
import io.infrakit.rpc.GroupMessages.InspectResponse;
import io.infrakit.rpc.GroupMessages.SetSizeRequest;
import io.infrakit.rpc.GroupMessages.SizeResponse;
import io.infrakit.spi.Any;
import io.infrakit.spi.group.GroupDescription;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPlugin;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.instance.InstanceId;

import java.util.List;

import static io.infrakit.rpc.InvalidParamsException.decode;

/** Serves {@code Group/0.1.1}: each request's {@code Name} ({@code group/workers}) picks the group plugin object. */
final class GroupService {

    private GroupService() {
    }

    static RpcService of(TypedObjects<GroupPlugin> plugins, Any example) {
        String name = "group";
        GroupId id = GroupId.of("workers");
        GroupSpec spec = new GroupSpec(id, example);
        return new RpcService(GroupPlugin.INTERFACE, List.of(
                new RpcOperation("Group.CommitGroup", params -> {
                    CommitRequest request = decode(params, CommitRequest.class);
                    String details = plugins.resolveName(request.name()).commitGroup(request.spec(), request.pretend());
                    return new CommitResponse(request.name(), request.spec().id(), details);
                }, new CommitRequest(name, spec, false), new CommitResponse(name, id, "Managing 3 instances")),
                new RpcOperation("Group.FreeGroup", params -> {
                    IdRequest request = decode(params, IdRequest.class);
                    plugins.resolveName(request.name()).freeGroup(request.id());
                    return new IdResponse(request.name(), request.id());
                }, new IdRequest(name, id), new IdResponse(name, id)),
                new RpcOperation("Group.DescribeGroup", params -> {
                    IdRequest request = decode(params, IdRequest.class);
                    GroupDescription description = plugins.resolveName(request.name()).describeGroup(request.id());
                    return new DescribeResponse(request.name(), request.id(), description);
                }, new IdRequest(name, id),
                        new DescribeResponse(name, id, new GroupDescription(List.of(), true))),
                new RpcOperation("Group.DestroyGroup", params -> {
                    IdRequest request = decode(params, IdRequest.class);
                    plugins.resolveName(request.name()).destroyGroup(request.id());
                    return new IdResponse(request.name(), request.id());
                }, new IdRequest(name, id), new IdResponse(name, id)),
                new RpcOperation("Group.InspectGroups", params -> {
                    InspectRequest request = decode(params, InspectRequest.class);
                    List<GroupSpec> groups = plugins.resolveName(request.name()).inspectGroups();
                    return InspectResponse.of(request.name(), groups);
                }, new InspectRequest(name, ""), InspectResponse.of(name, List.of(spec))),
                new RpcOperation("Group.DestroyInstances", params -> {
                    DestroyInstancesRequest request = decode(params, DestroyInstancesRequest.class);
                    plugins.resolveName(request.name()).destroyInstances(request.id(), request.instances());
                    return new IdResponse(request.name(), request.id());
                }, new DestroyInstancesRequest(name, id, List.of(InstanceId.of("instance-1"))),
                        new IdResponse(name, id)),
                new RpcOperation("Group.Size", params -> {
                    IdRequest request = decode(params, IdRequest.class);
                    int size = plugins.resolveName(request.name()).size(request.id());
                    return new SizeResponse(request.name(), request.id(), size);
                }, new IdRequest(name, id), new SizeResponse(name, id, 3)),
                new RpcOperation("Group.SetSize", params -> {
                    SetSizeRequest request = decode(params, SetSizeRequest.class);
                    plugins.resolveName(request.name()).setSize(request.id(), request.size());
                    return new IdResponse(request.name(), request.id());
                }, new SetSizeRequest(name, id, 3), new IdResponse(name, id))));
    }
}
