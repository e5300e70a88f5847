package io.infrakit.rpc;

import io.infrakit.rpc.GroupMessages.IdRequest;
import io.infrakit.rpc.GroupMessages.IdResponse;
import io.infrakit.rpc.GroupMessages.StatusResponse;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPhase;
import io.infrakit.spi.group.GroupStatus;
import io.infrakit.spi.group.RolloutControl;

import java.time.Instant;
import java.util.List;

import static io.infrakit.rpc.InvalidParamsException.decode;

/** Serves {@code Rollout/0.1.0}, our extension for group plugins: status in detail, pause and resume. */
final class RolloutService {

    private RolloutService() {
    }

    static RpcService of(TypedObjects<RolloutControl> groups) {
        String name = "group";
        GroupId id = GroupId.of("workers");
        GroupStatus example = new GroupStatus(id, GroupPhase.CONVERGED, 3, 3, 3, 3, 0, "abc", "abc", "", "", false,
                true, Instant.EPOCH);
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
                }, new IdRequest(name, id), new IdResponse(name, id))));
    }
}
