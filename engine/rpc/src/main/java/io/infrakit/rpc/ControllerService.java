package io.infrakit.rpc;

import io.infrakit.rpc.ControllerMessages.ChangeRequest;
import io.infrakit.rpc.ControllerMessages.ChangeResponse;
import io.infrakit.rpc.ControllerMessages.FindRequest;
import io.infrakit.rpc.ControllerMessages.FindResponse;
import io.infrakit.spi.Any;
import io.infrakit.spi.controller.Controller;
import io.infrakit.spi.controller.ManagedObject;
import io.infrakit.spi.controller.Metadata;
import io.infrakit.spi.controller.ObjectSpec;
import io.infrakit.spi.controller.Operation;
import io.infrakit.spi.controller.Plan;
import io.infrakit.spi.controller.PlannedChange;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static io.infrakit.rpc.InvalidParamsException.decode;

/**
 * Serves {@code Controller/0.1.1}. The controllers are asked for on every request, as InfraKit's keyed servers
 * do, because a plugin's set changes while it runs (the manager has one per group); each request's {@code Name}
 * ({@code group/workers}) picks one by its type part.
 */
final class ControllerService {

    private ControllerService() {
    }

    static RpcService of(Supplier<Map<String, Controller>> controllers, Any example) {
        String name = "group/workers";
        ObjectSpec spec = ObjectSpec.of("group", "Group/0.1.1", Metadata.named(name), example);
        ManagedObject object = new ManagedObject(ObjectSpec.of("group", "Group/0.1.1",
                new Metadata("workers", name, Map.of()), example), Any.empty());
        return new RpcService(Controller.INTERFACE, List.of(
                new RpcOperation("Controller.Plan", params -> {
                    ChangeRequest request = decode(params, ChangeRequest.class);
                    PlannedChange change = resolve(controllers, request.name()).plan(request.operation(),
                            request.spec());
                    return new ChangeResponse(request.name(), change.object(), change.plan());
                }, new ChangeRequest(name, Operation.ENFORCE, spec),
                        new ChangeResponse(name, object, Plan.of("Managing 3 instances"))),
                new RpcOperation("Controller.Commit", params -> {
                    ChangeRequest request = decode(params, ChangeRequest.class);
                    ManagedObject committed = resolve(controllers, request.name()).commit(request.operation(),
                            request.spec());
                    return new ChangeResponse(request.name(), committed, Plan.of());
                }, new ChangeRequest(name, Operation.ENFORCE, spec), new ChangeResponse(name, object, Plan.of())),
                new RpcOperation("Controller.Describe", params -> {
                    FindRequest request = decode(params, FindRequest.class);
                    return new FindResponse(request.name(),
                            resolve(controllers, request.name()).describe(request.search()));
                }, FindRequest.of(name, Metadata.named("workers")), new FindResponse(name, List.of(object))),
                new RpcOperation("Controller.Free", params -> {
                    FindRequest request = decode(params, FindRequest.class);
                    return new FindResponse(request.name(), resolve(controllers, request.name()).free(request.search()));
                }, FindRequest.of(name, Metadata.named("workers")), new FindResponse(name, List.of(object)))));
    }

    private static Controller resolve(Supplier<Map<String, Controller>> controllers, String name) {
        return new TypedObjects<>(controllers.get()).resolveName(name);
    }
}
