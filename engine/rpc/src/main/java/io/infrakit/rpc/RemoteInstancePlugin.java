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
import io.infrakit.spi.PluginException;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.instance.InstanceSpec;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** An instance plugin in another process ({@code aws/ec2-instance}), called over its socket. */
public final class RemoteInstancePlugin implements InstancePlugin {

    private final PluginClient client;
    private final PluginName name;
    private final HandshakeCheck handshake;

    public RemoteInstancePlugin(PluginClient client, PluginName name) {
        this.client = Objects.requireNonNull(client, "client");
        this.name = Objects.requireNonNull(name, "name");
        this.handshake = new HandshakeCheck(client, name, INTERFACE);
    }

    public PluginName name() {
        return name;
    }

    @Override
    public void validate(Any properties) {
        call("Instance.Validate", new ValidateRequest(name.type(), properties), OkResponse.class);
    }

    @Override
    public InstanceId provision(InstanceSpec spec) {
        ProvisionResponse response =
                call("Instance.Provision", new ProvisionRequest(name.type(), spec), ProvisionResponse.class);
        if (response.id() == null) {
            throw new PluginException(client.plugin(), "Instance.Provision", "answered without an instance ID");
        }
        return response.id();
    }

    @Override
    public void label(InstanceId id, Map<String, String> labels) {
        call("Instance.Label", new LabelRequest(name.type(), id, labels), OkResponse.class);
    }

    @Override
    public void destroy(InstanceId id, DestroyReason reason) {
        call("Instance.Destroy", new DestroyRequest(name.type(), id, new DestroyContext(reason)), OkResponse.class);
    }

    @Override
    public List<InstanceDescription> describeInstances(Map<String, String> tags, boolean properties) {
        return call("Instance.DescribeInstances", new DescribeRequest(name.type(), tags, properties),
                DescribeResponse.class).descriptions();
    }

    private <T> T call(String method, Object params, Class<T> resultType) {
        handshake.ensure();
        return client.call(method, params, resultType);
    }

    @Override
    public String toString() {
        return "RemoteInstancePlugin[" + name + "]";
    }
}
