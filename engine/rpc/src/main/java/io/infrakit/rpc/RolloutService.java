package io.infrakit.rpc;

import io.infrakit.rpc.GroupMessages.EventsRequest;
import io.infrakit.rpc.GroupMessages.EventsResponse;
import io.infrakit.rpc.GroupMessages.HistoryResponse;
import io.infrakit.rpc.GroupMessages.IdRequest;
import io.infrakit.rpc.GroupMessages.IdResponse;
import io.infrakit.rpc.GroupMessages.RollbackRequest;
import io.infrakit.rpc.GroupMessages.RollbackResponse;
import io.infrakit.rpc.GroupMessages.StatusResponse;
import io.infrakit.spi.group.GroupEvent;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPhase;
import io.infrakit.spi.group.GroupStatus;
import io.infrakit.spi.group.Revision;
import io.infrakit.spi.group.RolloutControl;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.infrakit.rpc.InvalidParamsException.decode;

/**
 * Serves {@code Rollout/0.1.0}, our extension for group plugins: status in detail, pause and resume, revisions and
 * rollback, events.
 */
final class RolloutService {

    private RolloutService() {
    }

    static RpcService of(TypedObjects<RolloutControl> groups) {
        String name = "group";
        GroupId id = GroupId.of("workers");
        GroupStatus example = new GroupStatus(id, GroupPhase.CONVERGED, 3, 3, 3, 3, 0, "abc", "abc", "", "", false,
                true, Instant.EPOCH);
        Revision revision = new Revision("abc", Instant.EPOCH, "Managing 3 instances", true, true);
        GroupEvent event = new GroupEvent(1, Instant.EPOCH, "Provisioned", "instance-1", "provisioned instance-1");
        return new RpcService(RolloutControl.INTERFACE, List.of(
                new RpcOperation("Rollout.Status", params -> {
                    IdRequest request = decode(params, IdRequest.class);
                    GroupStatus status = groups.resolveName(request.name()).status(request.id());
                    return new StatusResponse(request.name(), request.id(), status);
                }, new IdRequest(name, id), new StatusResponse(name, id, example)),
                new RpcOperation("Rollout.Pause", params -> {
                    IdRequest request = decode(params, IdRequest.class);
                    groups.resolveName(request.name()).pause(request.id());
                    return new IdResponse(request.name(), request.id());
                }, new IdRequest(name, id), new IdResponse(name, id)),
                new RpcOperation("Rollout.Resume", params -> {
                    IdRequest request = decode(params, IdRequest.class);
                    groups.resolveName(request.name()).resume(request.id());
                    return new IdResponse(request.name(), request.id());
                }, new IdRequest(name, id), new IdResponse(name, id)),
                new RpcOperation("Rollout.History", params -> {
                    IdRequest request = decode(params, IdRequest.class);
                    List<Revision> revisions = groups.resolveName(request.name()).history(request.id());
                    return new HistoryResponse(request.name(), request.id(), revisions);
                }, new IdRequest(name, id), new HistoryResponse(name, id, List.of(revision))),
                new RpcOperation("Rollout.Rollback", params -> {
                    RollbackRequest request = decode(params, RollbackRequest.class);
                    Revision target = groups.resolveName(request.name()).rollback(request.id(),
                            Optional.ofNullable(request.to()).filter(to -> !to.isBlank()));
                    return new RollbackResponse(request.name(), request.id(), target);
                }, new RollbackRequest(name, id, "abc"), new RollbackResponse(name, id, revision)),
                new RpcOperation("Rollout.Events", params -> {
                    EventsRequest request = decode(params, EventsRequest.class);
                    List<GroupEvent> events = groups.resolveName(request.name()).events(request.id(), request.after());
                    return new EventsResponse(request.name(), request.id(), events);
                }, new EventsRequest(name, id, 0), new EventsResponse(name, id, List.of(event)))));
    }
}
