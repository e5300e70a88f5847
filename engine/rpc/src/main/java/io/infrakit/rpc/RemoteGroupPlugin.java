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
import io.infrakit.spi.PluginException;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.group.GroupDescription;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPlugin;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.instance.InstanceId;

import java.util.List;
import java.util.Objects;

/** A group plugin in another process ({@code group}, {@code mystack/workers}), called over its socket. */
public final class RemoteGroupPlugin implements GroupPlugin {

    private final PluginClient client;
    private final PluginName name;
    private final HandshakeCheck handshake;

    public RemoteGroupPlugin(PluginClient client, PluginName name) {
        this.client = Objects.requireNonNull(client, "client");
        this.name = Objects.requireNonNull(name, "name");
        this.handshake = new HandshakeCheck(client, name, INTERFACE);
    }

    public PluginName name() {
        return name;
    }

    @Override
    public String commitGroup(GroupSpec spec, boolean pretend) {
        CommitResponse response =
                call("Group.CommitGroup", new CommitRequest(name.toString(), spec, pretend), CommitResponse.class);
        return response.details() == null ? "" : response.details();
    }

    @Override
    public void freeGroup(GroupId id) {
        call("Group.FreeGroup", new IdRequest(name.toString(), id), IdResponse.class);
    }

    @Override
    public GroupDescription describeGroup(GroupId id) {
        DescribeResponse response =
                call("Group.DescribeGroup", new IdRequest(name.toString(), id), DescribeResponse.class);
        if (response.description() == null) {
            throw new PluginException(client.plugin(), "Group.DescribeGroup", "answered without a description");
        }
        return response.description();
    }

    @Override
    public void destroyGroup(GroupId id) {
        call("Group.DestroyGroup", new IdRequest(name.toString(), id), IdResponse.class);
    }

    @Override
    public List<GroupSpec> inspectGroups() {
        return call("Group.InspectGroups", new InspectRequest(name.toString(), ""), InspectResponse.class)
                .groupsOrEmpty();
    }

    @Override
    public void destroyInstances(GroupId id, List<InstanceId> instances) {
        call("Group.DestroyInstances", new DestroyInstancesRequest(name.toString(), id, instances), IdResponse.class);
    }

    @Override
    public int size(GroupId id) {
        return call("Group.Size", new IdRequest(name.toString(), id), SizeResponse.class).size();
    }

    @Override
    public void setSize(GroupId id, int size) {
        call("Group.SetSize", new SetSizeRequest(name.toString(), id, size), IdResponse.class);
    }

    private <T> T call(String method, Object params, Class<T> resultType) {
        handshake.ensure();
        return client.call(method, params, resultType);
    }

    @Override
    public String toString() {
        return "RemoteGroupPlugin[" + name + "]";
    }
}
