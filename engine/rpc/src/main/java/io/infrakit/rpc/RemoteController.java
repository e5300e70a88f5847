package io.infrakit.rpc;

import io.infrakit.rpc.ControllerMessages.ChangeRequest;
import io.infrakit.rpc.ControllerMessages.ChangeResponse;
import io.infrakit.rpc.ControllerMessages.FindRequest;
import io.infrakit.rpc.ControllerMessages.FindResponse;
import io.infrakit.spi.PluginException;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.controller.Controller;
import io.infrakit.spi.controller.ManagedObject;
import io.infrakit.spi.controller.Metadata;
import io.infrakit.spi.controller.ObjectSpec;
import io.infrakit.spi.controller.Operation;
import io.infrakit.spi.controller.PlannedChange;

import java.util.List;
import java.util.Objects;

/** A controller in another process ({@code group/groups}, {@code group/workers}), called over its socket. */
public final class RemoteController implements Controller {

    private final PluginClient client;
    private final PluginName name;
    private final HandshakeCheck handshake;

    public RemoteController(PluginClient client, PluginName name) {
        this.client = Objects.requireNonNull(client, "client");
        this.name = Objects.requireNonNull(name, "name");
        this.handshake = new HandshakeCheck(client, name, INTERFACE);
    }

    @Override
    public PlannedChange plan(Operation operation, ObjectSpec spec) {
        ChangeResponse response = change("Controller.Plan", operation, spec);
        return new PlannedChange(response.object(), response.plan());
    }

    @Override
    public ManagedObject commit(Operation operation, ObjectSpec spec) {
        return change("Controller.Commit", operation, spec).object();
    }

    @Override
    public List<ManagedObject> describe(Metadata search) {
        return find("Controller.Describe", search);
    }

    @Override
    public List<ManagedObject> free(Metadata search) {
        return find("Controller.Free", search);
    }

    private ChangeResponse change(String method, Operation operation, ObjectSpec spec) {
        ChangeResponse response = call(method, new ChangeRequest(name.toString(), operation, spec),
                ChangeResponse.class);
        if (response.object() == null) {
            throw new PluginException(client.plugin(), method, "answered without an object");
        }
        return response;
    }

    private List<ManagedObject> find(String method, Metadata search) {
        return call(method, FindRequest.of(name.toString(), search), FindResponse.class).objects();
    }

    private <T> T call(String method, Object params, Class<T> resultType) {
        handshake.ensure();
        return client.call(method, params, resultType);
    }

    @Override
    public String toString() {
        return "RemoteController[" + name + "]";
    }
}
