package io.infrakit.rpc;

import io.infrakit.rpc.MetadataMessages.Change;
import io.infrakit.rpc.MetadataMessages.ChangesRequest;
import io.infrakit.rpc.MetadataMessages.ChangesResponse;
import io.infrakit.rpc.MetadataMessages.CommitRequest;
import io.infrakit.rpc.MetadataMessages.CommitResponse;
import io.infrakit.rpc.MetadataMessages.GetRequest;
import io.infrakit.rpc.MetadataMessages.GetResponse;
import io.infrakit.rpc.MetadataMessages.KeysRequest;
import io.infrakit.rpc.MetadataMessages.KeysResponse;
import io.infrakit.spi.Any;
import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.metadata.MetadataPath;
import io.infrakit.spi.metadata.MetadataProposal;
import io.infrakit.spi.metadata.ReadableMetadata;
import io.infrakit.spi.metadata.UpdatableMetadata;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static io.infrakit.rpc.InvalidParamsException.decode;

/**
 * Serves {@code Updatable/0.1.1} as InfraKit's pkg/rpc/metadata does, with its methods named {@code Updatable.*}:
 * each request's {@code Name} ({@code mystack/vars}) picks a tree by its type part. A tree that is only readable
 * (the manager's {@code status}) refuses {@code Changes} and {@code Commit} with {@code readonly}, as Go's does.
 * Keys are sorted; nothing at a path is {@code "Nodes": null} and {@code "Value": null}.
 */
final class UpdatableService {

    private UpdatableService() {
    }

    static RpcService of(Supplier<Map<String, ReadableMetadata>> trees) {
        String name = "group/vars";
        Any tree = Any.parse("{\"region\":{\"zone\":\"a\"}}");
        Any proposed = Any.parse("{\"region\":{\"zone\":\"b\"}}");
        return new RpcService(UpdatableMetadata.INTERFACE, List.of(
                new RpcOperation("Updatable.Keys", params -> {
                    KeysRequest request = decode(params, KeysRequest.class);
                    return new KeysResponse(request.name(),
                            resolve(trees, request.name()).keys(request.path()).orElse(null));
                }, new KeysRequest(name, MetadataPath.parse("region")), new KeysResponse(name, List.of("zone"))),
                new RpcOperation("Updatable.Get", params -> {
                    GetRequest request = decode(params, GetRequest.class);
                    return new GetResponse(request.name(), resolve(trees, request.name()).get(request.path()));
                }, new GetRequest(name, MetadataPath.parse("region/zone")), new GetResponse(name, Any.of("a"))),
                new RpcOperation("Updatable.Changes", params -> {
                    ChangesRequest request = decode(params, ChangesRequest.class);
                    MetadataProposal proposal = updatable(trees, request.name(), "Updatable.Changes")
                            .changes(request.changes().stream().map(Change::toChange).toList());
                    return new ChangesResponse(request.name(), proposal.original(), proposal.proposed(),
                            proposal.cas());
                }, new ChangesRequest(name, List.of(new Change(MetadataPath.parse("region/zone"), Any.of("b")))),
                        new ChangesResponse(name, tree, proposed, "<cas>")),
                new RpcOperation("Updatable.Commit", params -> {
                    CommitRequest request = decode(params, CommitRequest.class);
                    updatable(trees, request.name(), "Updatable.Commit").commit(request.proposed(), request.cas());
                    return new CommitResponse(request.name());
                }, new CommitRequest(name, proposed, "<cas>"), new CommitResponse(name))));
    }

    private static ReadableMetadata resolve(Supplier<Map<String, ReadableMetadata>> trees, String name) {
        return new TypedObjects<>(trees.get()).resolveName(name);
    }

    private static UpdatableMetadata updatable(Supplier<Map<String, ReadableMetadata>> trees, String name,
                                               String method) {
        if (resolve(trees, name) instanceof UpdatableMetadata updatable) {
            return updatable;
        }
        throw new InfrakitException("readonly: " + name + " cannot be changed (" + method + ")");
    }
}
