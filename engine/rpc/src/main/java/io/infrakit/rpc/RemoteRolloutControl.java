package io.infrakit.rpc;

import io.infrakit.rpc.GroupMessages.EventsRequest;
import io.infrakit.rpc.GroupMessages.EventsResponse;
import io.infrakit.rpc.GroupMessages.HistoryResponse;
import io.infrakit.rpc.GroupMessages.IdRequest;
import io.infrakit.rpc.GroupMessages.IdResponse;
import io.infrakit.rpc.GroupMessages.RollbackRequest;
import io.infrakit.rpc.GroupMessages.RollbackResponse;
import io.infrakit.rpc.GroupMessages.StatusResponse;
import io.infrakit.spi.PluginException;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.group.GroupEvent;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupStatus;
import io.infrakit.spi.group.Revision;
import io.infrakit.spi.group.RolloutControl;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The rollout control of a group plugin in another process, called over its socket. */
public final class RemoteRolloutControl implements RolloutControl {

    private final PluginClient client;
    private final PluginName name;
    private final HandshakeCheck handshake;

    public RemoteRolloutControl(PluginClient client, PluginName name) {
        this.client = Objects.requireNonNull(client, "client");
        this.name = Objects.requireNonNull(name, "name");
        this.handshake = new HandshakeCheck(client, name, INTERFACE);
    }

    @Override
    public GroupStatus status(GroupId id) {
        StatusResponse response = call("Rollout.Status", new IdRequest(name.toString(), id), StatusResponse.class);
        if (response.status() == null) {
            throw new PluginException(client.plugin(), "Rollout.Status", "answered without a status");
        }
        return response.status();
    }

    @Override
    public void pause(GroupId id) {
        call("Rollout.Pause", new IdRequest(name.toString(), id), IdResponse.class);
    }

    @Override
    public void resume(GroupId id) {
        call("Rollout.Resume", new IdRequest(name.toString(), id), IdResponse.class);
    }

    @Override
    public List<Revision> history(GroupId id) {
        return call("Rollout.History", new IdRequest(name.toString(), id), HistoryResponse.class).revisions();
    }

    @Override
    public Revision rollback(GroupId id, Optional<String> toRevision) {
        RollbackResponse response = call("Rollout.Rollback",
                new RollbackRequest(name.toString(), id, toRevision.orElse(null)), RollbackResponse.class);
        if (response.revision() == null) {
            throw new PluginException(client.plugin(), "Rollout.Rollback", "answered without a revision");
        }
        return response.revision();
    }

    @Override
    public List<GroupEvent> events(GroupId id, long afterSequence) {
        return call("Rollout.Events", new EventsRequest(name.toString(), id, afterSequence), EventsResponse.class)
                .events();
    }

    private <T> T call(String method, Object params, Class<T> resultType) {
        handshake.ensure();
        return client.call(method, params, resultType);
    }

    @Override
    public String toString() {
        return "RemoteRolloutControl[" + name + "]";
    }
}
