package io.infrakit.rpc;

import io.infrakit.rpc.FlavorMessages.HealthResponse;
import io.infrakit.rpc.FlavorMessages.InstanceRequest;
import io.infrakit.rpc.FlavorMessages.OkResponse;
import io.infrakit.rpc.FlavorMessages.PrepareRequest;
import io.infrakit.rpc.FlavorMessages.PrepareResponse;
import io.infrakit.rpc.FlavorMessages.ValidateRequest;
import io.infrakit.spi.Any;
import io.infrakit.spi.PluginException;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.flavor.FlavorPlugin;
import io.infrakit.spi.flavor.Health;
import io.infrakit.spi.group.Allocation;
import io.infrakit.spi.group.Index;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceSpec;

import java.util.Objects;

/** A flavor plugin in another process ({@code swarm/manager}), called over its socket. */
public final class RemoteFlavorPlugin implements FlavorPlugin {

    private final PluginClient client;
    private final PluginName name;
    private final HandshakeCheck handshake;

    public RemoteFlavorPlugin(PluginClient client, PluginName name) {
        this.client = Objects.requireNonNull(client, "client");
        this.name = Objects.requireNonNull(name, "name");
        this.handshake = new HandshakeCheck(client, name, INTERFACE);
    }

    public PluginName name() {
        return name;
    }

    @Override
    public void validate(Any properties, Allocation allocation) {
        call("Flavor.Validate", new ValidateRequest(name.type(), properties, allocation), OkResponse.class);
    }

    @Override
    public InstanceSpec prepare(Any properties, InstanceSpec spec, Allocation allocation, Index index) {
        PrepareResponse response = call("Flavor.Prepare",
                new PrepareRequest(name.type(), properties, spec, allocation, index), PrepareResponse.class);
        if (response.spec() == null) {
            throw new PluginException(client.plugin(), "Flavor.Prepare", "answered without an instance spec");
        }
        return response.spec();
    }

    @Override
    public Health healthy(Any properties, InstanceDescription instance) {
        HealthResponse response =
                call("Flavor.Healthy", new InstanceRequest(name.type(), properties, instance), HealthResponse.class);
        return response.health() == null ? Health.UNKNOWN : response.health();
    }

    @Override
    public void drain(Any properties, InstanceDescription instance) {
        call("Flavor.Drain", new InstanceRequest(name.type(), properties, instance), OkResponse.class);
    }

    private <T> T call(String method, Object params, Class<T> resultType) {
        handshake.ensure();
        return client.call(method, params, resultType);
    }

    @Override
    public String toString() {
        return "RemoteFlavorPlugin[" + name + "]";
    }
}
